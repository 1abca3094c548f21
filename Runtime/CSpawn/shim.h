// glibc (2.34+) declares posix_spawn_file_actions_addclosefrom_np only under _GNU_SOURCE, which Swift's Glibc
// module is not built with; the declaration is repeated here so Subprocess can close every inherited descriptor.
#include <spawn.h>

int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
