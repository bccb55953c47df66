// COIN-OR CBC's C interface (Debian coinor-libcbc-dev; pkg-config cbc).
#ifndef HEADCOUNT_CCBC_SHIM_H
#define HEADCOUNT_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#endif
