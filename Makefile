# SPDX-License-Identifier: GPL-2.0-only
#
# Top-level build for xswitch: the kernel modules (kmod/), the library (lib/)
# and the command-line tool (tools/).  See README.md for the targets.

# Kernel to build against: the running kernel's headers when present,
# otherwise the newest /lib/modules/*/build.
KVER ?= $(shell if [ -d /lib/modules/$$(uname -r)/build ]; then uname -r; \
	else ls -1d /lib/modules/*/build 2>/dev/null | sort -V | tail -n1 | \
	sed 's|/lib/modules/||; s|/build||'; fi)
KDIR ?= /lib/modules/$(KVER)/build

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
export KVER KDIR PREFIX DESTDIR CC CFLAGS

# Modules built out of tree; the ext/ tristates are enabled here the way a
# distribution .config would.
KMOD_CONFIG := CONFIG_XSWITCH=m CONFIG_XSWITCH_EXT_EXAMPLE=m \
	CONFIG_XSWITCH_EXT_VEPA=m CONFIG_XSWITCH_EXT_SAMPLE=m

.PHONY: all kmod lib tools install clean check check-debug debug-kernel demo lint vm-run bench kunit

all: kmod lib tools

kmod:
	@test -d "$(KDIR)" || { echo "no kernel build tree at '$(KDIR)'; run scripts/deps.sh or set KDIR" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR)/kmod $(KMOD_CONFIG) modules

lib:
	$(MAKE) -C lib

tools: lib
	$(MAKE) -C tools

install: all
	$(MAKE) -C $(KDIR) M=$(CURDIR)/kmod $(KMOD_CONFIG) INSTALL_MOD_PATH=$(DESTDIR) modules_install
	test -n "$(DESTDIR)" || depmod -a $(KVER)
	$(MAKE) -C lib install
	$(MAKE) -C tools install
	install -D -m 0644 uapi/linux/xswitch.h $(DESTDIR)$(PREFIX)/include/linux/xswitch.h
	install -D -m 0644 kmod/include/net/xswitch.h $(DESTDIR)$(PREFIX)/src/xswitch/include/net/xswitch.h
	install -D -m 0644 uapi/linux/xswitch.h $(DESTDIR)$(PREFIX)/src/xswitch/include/linux/xswitch.h
	install -D -m 0644 kmod/Module.symvers $(DESTDIR)$(PREFIX)/src/xswitch/Module.symvers

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR)/kmod clean
	$(MAKE) -C lib clean
	$(MAKE) -C tools clean
	rm -rf build/vm build/bench.json

# Boots the guest and runs CMD in it (see scripts/vm-run).
vm-run: all
	scripts/vm-run "$$CMD"

# The one test command: installs what it needs, builds, runs KUnit under
# UML and the selftests in a guest.
check:
	scripts/check.sh

# Every selftest (but the icount ones) in a guest of the debug kernel
# (KASAN, lockdep, kmemleak, fault injection), and KUnit with KASAN.
check-debug:
	scripts/check.sh --debug

# The debug kernel and xswitch's modules built against it (build/debug-kernel).
debug-kernel:
	scripts/debug-kernel.sh

kunit:
	scripts/kunit.sh

lint:
	scripts/lint.sh

demo:
	scripts/deps.sh
	$(MAKE) all
	scripts/vm-run selftests/demo.sh

bench: all
	scripts/bench.sh
