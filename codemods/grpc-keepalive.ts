import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';
import { grpcKeepalive } from '../src/codemods/grpc-keepalive';

/** The `grpc-keepalive` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/grpc-keepalive.ts). */
export default jscodeshiftTransform(grpcKeepalive);
