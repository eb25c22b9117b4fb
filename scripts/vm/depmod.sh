#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Host-side "depmod -a" for the scripts/vm-run guest.
#
# depmod in the guest reads every one of the kernel's ~4000 modules over 9p
# under TCG, which takes 25-40 s; on the host it takes about a second.  This
# builds DIR/lib/modules/KVER with the kernel's modules linked in, the
# project's kmod/*.ko and kmod/ext/*.ko in extra/, and runs depmod -b DIR
# on it.  scripts/vm/guest-init copies the resulting modules.* files into the
# guest's /lib/modules/KVER (module paths in them are relative, so they
# match), next to its own copy of the .ko files in extra/.
#
# Usage: scripts/vm/depmod.sh KVER DIR
# GUEST_MODROOT and GUEST_MODULES (scripts/vm-run) name another root for
# lib/modules/KVER and another directory of the project's .ko files.
# Cached: reruns depmod only when a module file or the kernel changes.

set -euo pipefail

KVER=${1:?usage: depmod.sh KVER DIR}
DIR=${2:?usage: depmod.sh KVER DIR}
PROJ=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
SRC=${GUEST_MODROOT:-}/lib/modules/$KVER
DST=$DIR/lib/modules/$KVER

shopt -s nullglob
if [ -n "${GUEST_MODULES:-}" ]; then
	kos=("$GUEST_MODULES"/*.ko)
else
	kos=("$PROJ"/kmod/*.ko "$PROJ"/kmod/ext/*.ko)
fi
shopt -u nullglob

stamp=$(
	{
		echo "$KVER"
		sha256sum "${BASH_SOURCE[0]}"
		stat -L -c '%n %s %Y' "$SRC" "$SRC/modules.order" "$SRC/modules.dep" "$SRC"/* "${kos[@]}"
	} | sha256sum | cut -d' ' -f1
)
if [ -f "$DST/modules.dep" ] && [ "$(cat "$DIR/stamp" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi

rm -rf "$DIR"
mkdir -p "$DST/extra"
# Everything the kernel package installed, except depmod's own outputs and
# the build tree links; extra/ is rebuilt below.
for f in "$SRC"/*; do
	name=${f##*/}
	case "$name" in
	build|source|extra) ;;
	modules.builtin|modules.builtin.modinfo|modules.order) ln -s "$f" "$DST/$name" ;;
	modules.*) ;;
	*) ln -s "$f" "$DST/$name" ;;
	esac
done
if [ -d "$SRC/extra" ]; then
	for f in "$SRC"/extra/*; do
		[ -e "$f" ] && ln -s "$f" "$DST/extra/"
	done
fi
for ko in "${kos[@]}"; do
	ln -sf "$ko" "$DST/extra/${ko##*/}"
done

depmod -b "$DIR" "$KVER"
echo "$stamp" >"$DIR/stamp"
