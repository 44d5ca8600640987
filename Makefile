# A thin wrapper over meson. The two commands a newcomer needs:
#   make run    install what is missing, build, launch on the bundled content
#   make test   the same set-up, then every test suite
# and for developers: make bench, make check-valgrind, make check-asan,
# make fuzz, make update-po, make translations-report; and make deb, the
# Debian package for installing on clinic PCs.

BUILDDIR   ?= build
ASANDIR    ?= build-asan
FUZZDIR    ?= build-fuzz
FUZZ_SECONDS ?= 300
XVFB        = dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset"

# Debian 12 packages: to build, to run the tests, and to check the data.
PACKAGES = \
	meson ninja-build gcc pkg-config gettext itstool \
	libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libgtk-4-bin \
	libadwaita-1-dev libepoxy-dev libxml2-dev libxml2-utils libsqlite3-dev libqrencode-dev \
	libstemmer-dev libhunspell-dev hunspell-pl \
	libespeak-ng-dev espeak-ng-data \
	desktop-file-utils appstream xvfb xauth xdotool dbus poppler-utils \
	adwaita-icon-theme hicolor-icon-theme fonts-dejavu-core librsvg2-common \
	dconf-cli dconf-gsettings-backend
# take it home (F19): the tests read the QR codes back with zbarimg.
PACKAGES += zbar-tools
# kiosk (F14): waiting-room mode tried under a real window manager.
PACKAGES += openbox wmctrl x11-utils libx11-dev

# To build the .deb (its build dependencies are in PACKAGES) and check it.
DEB_PACKAGES = debhelper dpkg-dev lintian

DEV_PACKAGES = valgrind clang libclang-rt-14-dev

.PHONY: all deps dev-deps setup build run test bench check-valgrind check-asan fuzz \
	new-language update-po translations-report deb clean

all: build

# Installs only what is missing; through sudo when not root.
deps:
	@missing=""; \
	for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	  else echo "error: these Debian packages are missing:$$missing" >&2; \
	       echo "Install them as root (apt-get install$$missing) and run make again." >&2; exit 1; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing || \
	  { echo "error: could not install:$$missing" >&2; exit 1; }; \
	fi

dev-deps:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(DEV_PACKAGES)"

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR)

setup: deps $(BUILDDIR)/build.ninja

build: setup
	meson compile -C $(BUILDDIR)

# make run LANGUAGE=fr shows the application in another language.
run: build
	$(if $(LANGUAGE),LANGUAGE=$(LANGUAGE)) ./$(BUILDDIR)/src/clinic-guide

test: build
	meson test -C $(BUILDDIR) --print-errorlogs --suite core --suite data
	$(XVFB) meson test -C $(BUILDDIR) --print-errorlogs --suite ui

bench: build
	./$(BUILDDIR)/tests/bench/cg-bench
	$(XVFB) tests/bench/startup.sh $(BUILDDIR)
	@# The app draws with cairo where OpenGL is software (src/app/cg-renderer.c);
	@# the same comparison with both windows on cairo:
	GSK_RENDERER=cairo $(XVFB) tests/bench/startup.sh $(BUILDDIR)
	$(XVFB) ./$(BUILDDIR)/tests/bench/cg-bench-navigate
	$(XVFB) ./$(BUILDDIR)/tests/bench/cg-bench-lists
	GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data ./$(BUILDDIR)/tests/bench/cg-bench-reload

check-valgrind: dev-deps build
	meson test -C $(BUILDDIR) --print-errorlogs --suite core --setup valgrind

$(ASANDIR)/build.ninja:
	meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false

check-asan: dev-deps $(ASANDIR)/build.ninja
	meson compile -C $(ASANDIR)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	meson test -C $(ASANDIR) --print-errorlogs --suite core --suite data
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	$(XVFB) meson test -C $(ASANDIR) --print-errorlogs --suite ui

$(FUZZDIR)/build.ninja:
	CC=clang meson setup $(FUZZDIR) -Dfuzzing=true -Db_lundef=false

fuzz: dev-deps $(FUZZDIR)/build.ninja
	meson compile -C $(FUZZDIR)
	mkdir -p $(FUZZDIR)/corpus
	./$(FUZZDIR)/tests/fuzz/fuzz-loader -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	  -timeout=10 -artifact_prefix=tests/fuzz/corpus/ $(FUZZDIR)/corpus tests/fuzz/corpus

# make new-language CODE=de: po/de.po from the template, and de in
# po/LINGUAS, in that order (meson refuses a LINGUAS entry without its .po).
new-language:
	@case "$(CODE)" in \
	  ""|*[!A-Za-z_@]*) echo "usage: make new-language CODE=de   (a language code such as de, pt_BR)" >&2; exit 2;; \
	esac
	@if [ -e po/$(CODE).po ]; then echo "po/$(CODE).po already exists" >&2; exit 1; fi
	msginit --no-translator --locale=$(CODE) --input=po/clinic-guide.pot --output-file=po/$(CODE).po
	@grep -qx '$(CODE)' po/LINGUAS || echo '$(CODE)' >> po/LINGUAS
	@echo "Added $(CODE): next, make update-po, then translate po/$(CODE).po (docs/TRANSLATING.md)."

update-po: build
	meson compile -C $(BUILDDIR) clinic-guide-pot clinic-guide-update-po

translations-report: build
	python3 tests/check-translations.py report po

# dpkg-buildpackage writes clinic-guide_<version>_<arch>.deb (and its
# .changes and .buildinfo) to the folder above this one, as Debian tools do.
# The package build's own tree (obj-*, debian/clinic-guide/) is cleaned up.
deb:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(DEB_PACKAGES)"
	dpkg-buildpackage -us -uc -b
	lintian --fail-on error,warning --info \
	  ../clinic-guide_$$(dpkg-parsechangelog -S Version)_$$(dpkg-architecture -q DEB_HOST_ARCH).changes
	debian/rules clean
	@echo "Built ../clinic-guide_$$(dpkg-parsechangelog -S Version)_$$(dpkg-architecture -q DEB_HOST_ARCH).deb"

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR)
