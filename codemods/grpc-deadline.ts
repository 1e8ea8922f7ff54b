import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';
import { grpcDeadline } from '../src/codemods/grpc-deadline';

/** The `grpc-deadline` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/grpc-deadline.ts). */
export default jscodeshiftTransform(grpcDeadline);
