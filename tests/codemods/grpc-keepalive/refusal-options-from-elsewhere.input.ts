// codemod-typed-only: only the checker lists the properties of a function's result
import * as grpc from '@grpc/grpc-js';

const channelOptions = (): { 'grpc.max_receive_message_length': number } => ({ 'grpc.max_receive_message_length': 1024 });

export const client = new grpc.Client('users:50051', grpc.credentials.createInsecure(), channelOptions());
