#include "cryptopp_decls.h"
