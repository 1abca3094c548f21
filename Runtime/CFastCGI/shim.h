/* Only includes the real header; no C logic here. */
/* The reentrant API only: never fcgi_stdio.h, which redefines printf/stdin. */
#include <fcgiapp.h>
