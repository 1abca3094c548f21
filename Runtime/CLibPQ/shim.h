/* Only includes the real header; no C logic here. */
#include <libpq-fe.h>
