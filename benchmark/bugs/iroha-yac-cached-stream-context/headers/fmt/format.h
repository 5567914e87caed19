// Our own stand-in for {fmt}'s <fmt/format.h>; see core.h.
#pragma once

#include "fmt/core.h"
