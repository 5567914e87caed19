// Bridges between reqctx and gRPC.
#pragma once

#include "reqctx/reqctx.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

namespace reqctx {

/// The context of an incoming call: the call's deadline, cancelled when the
/// client cancels. It refers to `call`: use it only while the call is being
/// handled.
Context from_grpc(const grpc::ServerContextBase &call);

/// The status to return when `e` ended the work.
grpc::Status to_status(Error e);

} // namespace reqctx
