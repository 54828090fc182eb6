# factsheet: CSV result tables to print-ready PDF and PNG briefs.
#   make demo     install what is missing, build, render the examples into out/
#   make check    install what is missing, build with sanitizers, run every test
#   make check-alloc   the same, with every allocation of the sweep failed in turn
# Other targets: all deps install uninstall clean format golden-update fuzz bench valgrind
#   check-memory

# The nested makes of demo and check say nothing of directories, so the
# last line `make check` prints is the tests' summary.
MAKEFLAGS += --no-print-directory

PKG_CONFIG ?= pkg-config
CC ?= cc
CXX ?= c++
PREFIX ?= /usr/local
DESTDIR ?=
DATADIR = $(PREFIX)/share/factsheet
VERSION = 0.1.0

# SANITIZE=address,undefined builds into its own folder, so a sanitized test
# build never mixes its objects with the normal one.
SANITIZE ?=
ifeq ($(SANITIZE),)
BUILD ?= build/release
SANFLAGS =
OPT ?= -O2
else
BUILD ?= build/sanitize
SANFLAGS = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT ?= -O1
endif

PKGS = cairo cairo-pdf cairo-png pangocairo pangoft2 fontconfig yaml-0.1 icu-uc icu-i18n libcmark \
       gdk-pixbuf-2.0 librsvg-2.0 libmicrohttpd libqpdf zlib libpng
WARNINGS = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -Isrc -D_DEFAULT_SOURCE -DFS_VERSION='"$(VERSION)"' -DFS_DATADIR='"$(DATADIR)"'
CFLAGS ?= $(OPT) -g
ALL_CFLAGS = -std=c17 $(WARNINGS) $(CFLAGS) $(SANFLAGS) $(EXTRA_CFLAGS) -MMD -MP \
             $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# src/emit/fs_pdf_artifacts.cc is C++ (qpdf's content tokenizer has no C
# API): its own warnings and standard, and the C++ runtime at link time.
# UBSan's vptr check needs the C++ part of its runtime, which clang does not
# link into a program linked as C (the fuzz targets); the file defines no
# class with virtual functions.
CXX_WARNINGS = -Wall -Wextra -Wshadow -Wmissing-declarations -Wno-unused-parameter
ALL_CXXFLAGS = -std=c++17 $(CXX_WARNINGS) $(CFLAGS) $(SANFLAGS) -fno-sanitize=vptr \
               $(EXTRA_CFLAGS) -MMD -MP \
               $(shell $(PKG_CONFIG) --cflags libqpdf 2>/dev/null)
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv -lgettextpo -lhyphen -lstdc++ -lm -pthread
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

LIB_SRC = $(sort $(filter-out src/main.c,$(wildcard src/*/*.c)))
LIB_CXX_SRC = $(sort $(wildcard src/*/*.cc))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_CXX_SRC:%.cc=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/src/main.o
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_CXX_SRC = $(sort $(wildcard tests/tools/*.cc))
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%) $(TOOL_CXX_SRC:tests/tools/%.cc=$(BUILD)/tools/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=$(BUILD)/fuzz-replay/%)

.PHONY: all deps deps-check demo check check-alloc check-memory test install uninstall clean format golden-update FORCE fuzz fuzz-run bench valgrind

all: factsheet

factsheet: $(BUILD)/factsheet
	@cp $< $@

# Short lines while building; V=1 shows the whole commands.
ifeq ($(V),1)
Q =
say = @true
else
Q = @
say = @printf '  %-6s %s\n'
endif

$(BUILD)/factsheet: $(MAIN_OBJ) $(BUILD)/libfactsheet.a
	$(say) LINK $@
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libfactsheet.a: $(LIB_OBJ)
	$(say) AR $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(say) CXX $<
	$(Q)$(CXX) $(CPPFLAGS) $(ALL_CXXFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libfactsheet.a
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(TEST_LIBS)

$(BUILD)/tools/%: tests/tools/%.c
	@mkdir -p $(dir $@)
	$(say) TOOL $@
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBS)

$(BUILD)/tools/%: tests/tools/%.cc
	@mkdir -p $(dir $@)
	$(say) TOOL $@
	$(Q)$(CXX) $(CPPFLAGS) $(ALL_CXXFLAGS) -o $@ $< $(LIBS)

# Preloaded by tests/output/check-signals: a file system without O_TMPFILE.
# Built without sanitizers: it only forwards to the next open.
$(BUILD)/tools/no-tmpfile.so: tests/output/no-tmpfile.c
	@mkdir -p $(dir $@)
	$(say) TOOL $@
	$(Q)$(CC) -std=c17 $(WARNINGS) -O2 -shared -fPIC -o $@ $< -ldl

# The installed data folder is compiled into fs_cli.o; rebuild it when PREFIX
# changes between `make` and `make install PREFIX=...`.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(BUILD)/src/cli/fs_cli.o: $(BUILD)/datadir.stamp
FORCE:

# The preview's page is compiled in (src/serve/fs_assets.c reads the files
# with .incbin, which -MMD does not see).
$(BUILD)/src/serve/fs_assets.o: $(wildcard src/serve/page/*)

deps:
	@scripts/deps

deps-check:
	@scripts/deps --check

# The examples, rendered by the binary a user runs.
demo: deps
	$(MAKE) all
	@scripts/render-examples ./factsheet out

# The brief rendered under valgrind's memcheck: no memory error, and no leak
# but those tests/valgrind.supp names inside the system libraries.
valgrind: all
	@scripts/deps --valgrind
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp ./factsheet render layouts/brief data/pfr-mali \
	    --lang en,fr -j 1 -q -o 'build/valgrind-{lang}.pdf'

# Speed and memory figures (printed, never asserted).
bench:
	@scripts/deps --bench
	$(MAKE) all $(BUILD)/bench-floor
	@scripts/bench ./factsheet $(BUILD)/bench-floor

# The floor make bench compares with: cairo and pango drawing a dump of
# placed boxes, no layout.
$(BUILD)/bench-floor: scripts/bench-floor.c
	@mkdir -p $(dir $@)
	$(say) TOOL $@
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBS)

# Every test, under AddressSanitizer and UBSan. The builds run on every core
# unless make was given -j; so do the tests (tests/run). The summary
# "N passed, N failed" is the last line printed. The allocation-failure
# sweep (tests/alloc) fails every ALLOC_EVERYth allocation of each of its
# cases, 13,071 points in all (brief 2,564, results 4,985, check 2,470,
# extract 3,052). Every 25th took 63.6 s of CPU (measured 2026-12-02 03:54
# UTC on this 2-core machine, load average 11: brief 14.5 s, results 34.8 s,
# check 9.0 s, extract 5.3 s), about 30 s of the run on the 2 cores; every
# 5th, five times the points, is about 320 s, over half of make check. make
# check-alloc fails every one (about 27 minutes of CPU).
NPROC := $(shell nproc 2>/dev/null || echo 1)
SUBMAKE = $(MAKE) --no-print-directory $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
check: deps-check
	@$(SUBMAKE) SANITIZE=address,undefined ALLOC_EVERY=25 test

check-alloc: deps-check
	@$(SUBMAKE) SANITIZE=address,undefined ALLOC_EVERY=1 test

test: $(BUILD)/factsheet $(UNIT_BIN) $(TOOL_BIN) $(BUILD)/tools/no-tmpfile.so $(BUILD)/alloc/sweep \
      $(REPLAY_BIN)
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) ALLOC_EVERY=$(ALLOC_EVERY) tests/run $(UNIT_BIN)

# Each fuzz target built with tests/fuzz/replay.c instead of libFuzzer, by
# whatever compiler builds the rest: the tests replay its seed corpus.
$(BUILD)/fuzz-replay/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libfactsheet.a
	@mkdir -p $(dir $@)
	$(say) TOOL $@
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# The allocation-failure sweep (tests/alloc/sweep.c) links a copy of the
# allocator compiled with FS_ALLOC_FAILURES ahead of the library: fs_malloc
# and the others are then taken from it, and the library's own fs_alloc.o,
# which defines nothing else, is never pulled from the archive.
$(BUILD)/alloc/fs_alloc.o: src/core/fs_alloc.c
	@mkdir -p $(dir $@)
	$(say) CC "$< (FS_ALLOC_FAILURES)"
	$(Q)$(CC) $(CPPFLAGS) -DFS_ALLOC_FAILURES $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/alloc/sweep: tests/alloc/sweep.c $(BUILD)/alloc/fs_alloc.o $(BUILD)/libfactsheet.a
	$(say) TOOL $@
	$(Q)$(CC) $(CPPFLAGS) -DFS_ALLOC_FAILURES $(ALL_CFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(LIBS)

# factsheet serve's memory over 1,000 saves with three browser tabs open:
# within 10% of what it is after 10 (minutes; not part of make check).
check-memory: deps-check $(BUILD)/factsheet
	@EDITS=$(EDITS) FACTSHEET=$(BUILD)/factsheet FACTSHEET_DATADIR=. tests/browser/run memory.test.js

# Rewrites the reference images from the current renderer. Look at every
# image it changes before you commit it.
golden-update: $(BUILD)/factsheet
	@BUILD=$(BUILD) tests/render/update

# libFuzzer targets, one per parser (tests/fuzz/fuzz_*.c), built with clang
# into build/fuzz and run FUZZ_SECONDS each from the seeds in
# tests/fuzz/corpus/NAME; new inputs go to build/fuzz/corpus/NAME, a crash
# to build/fuzz/crash-NAME-*. FUZZ_TARGETS="csv po" runs only those (so two
# can run side by side). Each prints its last status line (executions,
# coverage, corpus), its executions and peak memory, then its crashes;
# make fuzz fails when any target crashed.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
fuzz:
	@scripts/deps --fuzz
	@$(MAKE) --no-print-directory CC=clang CXX=clang++ BUILD=build/fuzz SANITIZE=address,undefined \
	    EXTRA_CFLAGS=-fsanitize=fuzzer-no-link fuzz-run

FUZZ_BIN = $(FUZZ_TARGETS:%=$(BUILD)/fuzzers/fuzz_%)
fuzz-run: $(FUZZ_BIN)
	@status=0; for name in $(FUZZ_TARGETS); do \
	    rm -f $(BUILD)/crash-$$name-*; \
	    mkdir -p $(BUILD)/corpus/$$name tests/fuzz/corpus/$$name; \
	    echo "fuzz $$name: $(FUZZ_SECONDS) s"; \
	    LSAN_OPTIONS=suppressions=tests/lsan.supp \
	    $(BUILD)/fuzzers/fuzz_$$name -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	        -print_final_stats=1 \
	        $$( [ -f tests/fuzz/$$name.dict ] && echo -dict=tests/fuzz/$$name.dict ) \
	        -artifact_prefix=$(BUILD)/crash-$$name- \
	        $(BUILD)/corpus/$$name tests/fuzz/corpus/$$name 2>&1 | \
	        grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)'; \
	    crashes=$$(ls $(BUILD)/crash-$$name-* 2>/dev/null | wc -l); \
	    echo "fuzz $$name: $$crashes crashes$$( [ $$crashes -eq 0 ] || echo ", see $(BUILD)/crash-$$name-*")"; \
	    [ $$crashes -eq 0 ] || status=1; \
	done; exit $$status

$(BUILD)/fuzzers/%: tests/fuzz/%.c $(BUILD)/libfactsheet.a
	@mkdir -p $(dir $@)
	$(say) FUZZ $@
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

# Everything under layouts/, subfolders included (the guide's icons/); the
# binary is the one this build made. Any failed copy stops the install
# with its error (set -e): an install is whole or it fails.
LAYOUT_FILES = $(shell find layouts -type f | LC_ALL=C sort)
install: $(BUILD)/factsheet
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/fonts
	install -m 755 $(BUILD)/factsheet $(DESTDIR)$(PREFIX)/bin/factsheet
	install -m 644 fonts/fonts.conf $(DESTDIR)$(DATADIR)/fonts/fonts.conf
	@set -e; for dir in $(sort $(dir $(LAYOUT_FILES))); do \
	    install -d "$(DESTDIR)$(DATADIR)/$$dir"; \
	done; \
	for file in $(LAYOUT_FILES); do \
	    install -m 644 "$$file" "$(DESTDIR)$(DATADIR)/$$file"; \
	done; \
	echo "installed $(words $(LAYOUT_FILES)) layout files into $(DESTDIR)$(DATADIR)/layouts"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/factsheet
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build factsheet out

format:
	@scripts/deps --format
	clang-format -i $(wildcard src/*.c src/*/*.c src/*/*.cc src/*/*.h tests/*/*.c)

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(BUILD)/alloc/fs_alloc.d $(BUILD)/alloc/sweep.d
