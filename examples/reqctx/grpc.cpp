#include "reqctx/grpc.h"

namespace reqctx {

Context from_grpc(const grpc::ServerContextBase &call) {
  return external(call.deadline(), [&call] { return call.IsCancelled(); });
}

grpc::Status to_status(Error e) {
  switch (e) {
  case Error::none:
    return grpc::Status::OK;
  case Error::canceled:
    return {grpc::StatusCode::CANCELLED, to_string(e)};
  case Error::deadline_exceeded:
    return {grpc::StatusCode::DEADLINE_EXCEEDED, to_string(e)};
  }
  return {grpc::StatusCode::UNKNOWN, to_string(e)};
}

} // namespace reqctx
