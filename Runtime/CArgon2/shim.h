/* Only includes the real header; no C logic here. */
#include <argon2.h>
