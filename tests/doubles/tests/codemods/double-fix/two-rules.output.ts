declare function openFirst(): void;
declare function openSecond(): void;
declare function openFirstSafely(): void;
declare function openSecondSafely(): void;
openFirstSafely();
openSecondSafely();
