# jumpstart-tui — one command to run the wizard, one to test everything.
# Every target installs what it needs on a fresh Debian machine (as root, or with sudo).

SHELL := /bin/bash
SWIFT ?= swift
VENV := .venv
PY := $(VENV)/bin/python
BIN_DEBUG := .build/debug/jumpstart-tui
BIN_RELEASE := .build/release/jumpstart-tui
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local
# Release builds carry Swift's runtime and Foundation inside the binary: the installed program
# needs only system libraries (libc, libstdc++, ncurses; libcurl, loaded only by the fetching
# commands), not a Swift toolchain.
# Linked by lld (in the Swift toolchain) with packed relative relocations: the static binary's
# ~120,000 relocations were a fifth of every start (export 24 → 19 ms, hyperfine, this machine).
RELEASE := -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs

.PHONY: run test deps python-deps build release install uninstall data refresh-data cloudformation-data bench screenshots clean

## run: install what is missing, build, and start the wizard.
run: deps
	$(SWIFT) build $(RELEASE) --product jumpstart-tui
	$(BIN_RELEASE)

## install: the program in $(PREFIX)/bin and its data in $(PREFIX)/share/jumpstart-tui/data
## (where the program looks for it); `make install PREFIX=$$HOME/.local` needs no root.
install: deps
	$(SWIFT) build $(RELEASE) --product jumpstart-tui
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/jumpstart-tui"
	install -s -m 0755 $(BIN_RELEASE) "$(DESTDIR)$(PREFIX)/bin/jumpstart-tui"
	rm -rf "$(DESTDIR)$(PREFIX)/share/jumpstart-tui/data"
	cp -R data "$(DESTDIR)$(PREFIX)/share/jumpstart-tui/data"
	chmod -R u=rwX,go=rX "$(DESTDIR)$(PREFIX)/share/jumpstart-tui/data"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/jumpstart-tui (data: $(DESTDIR)$(PREFIX)/share/jumpstart-tui/data)"

## uninstall: remove what `make install` laid out (your own prices in the XDG folders stay).
uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/jumpstart-tui"
	rm -rf "$(DESTDIR)$(PREFIX)/share/jumpstart-tui"

## test: install what the checks need, then run them all (swift test, then tools/tests/*.sh).
test: deps python-deps
	$(SWIFT) build --product jumpstart-tui
	$(SWIFT) test
	@for check in tools/checks/*.sh; do \
		[ -e "$$check" ] || continue; \
		echo "== $$check"; \
		PATH="$(CURDIR)/$(VENV)/bin:$$PATH" BIN="$(CURDIR)/$(BIN_DEBUG)" bash "$$check" || exit 1; \
	done

## deps: system packages (ncurses headers; libcurl, which the fetching commands load at run time;
## tmux for the wizard check).
deps:
	@missing=""; \
	dpkg -s libncurses-dev >/dev/null 2>&1 || missing="$$missing libncurses-dev"; \
	dpkg -s libcurl4 >/dev/null 2>&1 || missing="$$missing libcurl4"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi

## python-deps: cfn-lint, the AWS CLI and moto in .venv (ignored by git).
python-deps: $(VENV)/.installed
$(VENV)/.installed: tools/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r tools/requirements.txt
	touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE)

## data: regenerate data/ from ../shared/data (byte-identical for the same input).
data:
	$(SWIFT) build $(RELEASE) --product jumpstart-import
	.build/release/jumpstart-import ../shared/data data

## refresh-data: with network, rewrite data/catalog/ from JumpStart's public specs (the same code as
## `jumpstart-tui catalog update`: the versions published since, added) and data/pricing/prices.csv
## from AWS's public Price List (the same code as `pricing update`); without network each says so and
## leaves its part of data/ as it was. CATALOG_ENDPOINT_URL / PRICING_ENDPOINT_URL point at mirrors.
## Re-record the golden outputs on purpose afterwards (RECORD_SNAPSHOTS=1 swift test).
PRICING_ENDPOINT_URL ?= $(ENDPOINT_URL)
refresh-data:
	$(SWIFT) build $(RELEASE) --product jumpstart-import
	.build/release/jumpstart-import --refresh-catalog data $(if $(CATALOG_ENDPOINT_URL),--endpoint-url $(CATALOG_ENDPOINT_URL))
	.build/release/jumpstart-import --refresh-pricing data $(if $(PRICING_ENDPOINT_URL),--endpoint-url $(PRICING_ENDPOINT_URL))

## cloudformation-data: rewrite data/cloudformation/resource-support.tsv (which resource types
## CloudFormation offers in each JumpStart region) from the cfn-lint in .venv.
cloudformation-data: python-deps
	$(PY) tools/cloudformation/derive_support.py data

## screenshots: regenerate screenshots/*.png from the real wizard in tmux (tools/screenshots/).
screenshots: deps $(VENV)/.screenshots-installed
	@missing=""; \
	command -v rsvg-convert >/dev/null 2>&1 || missing="$$missing librsvg2-bin"; \
	command -v optipng >/dev/null 2>&1 || missing="$$missing optipng"; \
	command -v fc-list >/dev/null 2>&1 || missing="$$missing fontconfig"; \
	dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi
	$(SWIFT) build $(RELEASE) --product jumpstart-tui
	BIN="$(CURDIR)/$(BIN_RELEASE)" PY="$(CURDIR)/$(PY)" bash tools/screenshots/take.sh screenshots
$(VENV)/.screenshots-installed: tools/screenshots/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r tools/screenshots/requirements.txt
	touch $@

## bench: build release, then print medians on this machine beside the targets (tools/bench/run.sh).
bench: deps
	@missing=""; \
	command -v hyperfine >/dev/null 2>&1 || missing="$$missing hyperfine"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi
	$(SWIFT) build $(RELEASE) --product jumpstart-tui
	$(SWIFT) build $(RELEASE) --product jumpstart-bench
	bash tools/bench/run.sh

clean:
	rm -rf .build $(VENV)
