// Minimal logging to stderr. Lines logged while a request is bound to the
// thread carry the request's remaining time budget.
#pragma once

#include "reqctx/reqctx.h"

#include <string_view>

namespace shop::log {

/// Binds `ctx` to the calling thread for the lines it logs from now on.
void bind_request(const reqctx::Context &ctx);

void info(std::string_view message);
void warn(std::string_view message);

} // namespace shop::log
