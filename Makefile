# Makefile
# SPDX-License-Identifier: Apache-2.0

#
# Slipway top-level Makefile. README.md describes the targets; `make help`
# lists them. Everything a build writes goes to O= (default: build/).
#

SRCTREE := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
O ?= build
OUT := $(abspath $(O))
# The host program and the host mbedtls do not depend on the configuration:
# with HOST_O= a build takes them from another build directory, building
# them there if needed (make check points every build at its first one).
HOST_OUT := $(abspath $(or $(HOST_O),$(O)))
CONFIG := $(OUT)/.config
AUTOCONF := $(OUT)/include/generated/autoconf.h
SLIPWAY_VERSION := $(shell cat $(SRCTREE)/VERSION)

ifeq ($(V),1)
  Q :=
  quiet = @:
else ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
  Q := @
  quiet = @:
else
  Q := @
  quiet = @printf '  %-7s %s\n'
endif

DEFCONFIGS := $(sort $(patsubst $(SRCTREE)/defconfigs/%_defconfig,%,\
                $(wildcard $(SRCTREE)/defconfigs/*_defconfig)))
KCONFIG_FILES := $(shell find $(SRCTREE) \( -name .git -o -name .deps \
                   -o -path $(SRCTREE)/build -o -path $(OUT) \) -prune \
                   -o -name Kconfig -type f -print)

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

# Goals that work without a configuration.
NOCONFIG_GOALS := %_defconfig defconfig menuconfig olddefconfig savedefconfig \
                  list help clean distclean check demo matrix setup fuzz bench \
                  powerfail powerfail-long size
NEEDS_CONFIG := $(if $(MAKECMDGOALS),$(filter-out $(NOCONFIG_GOALS),$(MAKECMDGOALS)),all)

ifneq ($(NEEDS_CONFIG),)
  ifeq ($(wildcard $(CONFIG)),)
    $(error no configuration in $(OUT): run 'make <name>_defconfig' first ('make list' shows the names))
  endif
  include $(CONFIG)
endif

include $(SRCTREE)/Make.defs

# Source lists, from each area's fragment. Paths are relative to SRCTREE.
COMMON_SRCS :=
LOADER_SRCS :=
OS_SRCS :=
ROM_SRCS :=
HOST_SRCS :=
UNIT_TESTS :=
ARCH := $(call unquote,$(CONFIG_ARCH))
CHIP := $(call unquote,$(CONFIG_CHIP))
BOARD := $(call unquote,$(CONFIG_BOARD))
ifneq ($(NEEDS_CONFIG),)
  include $(SRCTREE)/arch/$(ARCH)/$(CHIP)/Make.defs
  include $(SRCTREE)/boards/$(ARCH)/$(CHIP)/$(BOARD)/Make.defs
endif
include $(SRCTREE)/drivers/Make.defs $(SRCTREE)/libs/Make.defs \
        $(SRCTREE)/boot/Make.defs $(SRCTREE)/os/Make.defs \
        $(SRCTREE)/tools/Make.defs $(SRCTREE)/tests/Make.defs

# ---------------------------------------------------------------------------
# Configuration

.PHONY: list help defconfig menuconfig olddefconfig savedefconfig

list:
	@for n in $(DEFCONFIGS); do \
	  printf '%-28s %s\n' "$${n}_defconfig" \
	    "$$(sed -n 's/^CONFIG_BOARD_\(.*\)=y$$/board \1/p' $(SRCTREE)/defconfigs/$${n}_defconfig | tr A-Z a-z)"; \
	done

%_defconfig:
	$(Q)if [ ! -f $(SRCTREE)/defconfigs/$@ ]; then \
	  echo "error: no configuration '$*' (looked for defconfigs/$@); 'make list' shows the names" >&2; \
	  exit 1; fi
	$(Q)$(SRCTREE)/tools/kconfig/defconfig.sh $(SRCTREE) $(OUT) $(SRCTREE)/defconfigs/$@
	$(Q)echo $(SRCTREE)/defconfigs/$@ >$(OUT)/.defconfig-source
	@echo "configured $(OUT) from defconfigs/$@"

# Any file, e.g. a configuration kept outside the tree.
defconfig:
	$(Q)if [ -z "$(DEFCONFIG)" ]; then \
	  echo "error: 'make defconfig' needs DEFCONFIG=<file>" >&2; exit 1; fi
	$(Q)$(SRCTREE)/tools/kconfig/defconfig.sh $(SRCTREE) $(OUT) $(abspath $(DEFCONFIG))
	$(Q)echo $(abspath $(DEFCONFIG)) >$(OUT)/.defconfig-source
	@echo "configured $(OUT) from $(DEFCONFIG)"

menuconfig:
	$(Q)command -v kconfig-mconf >/dev/null || { \
	  echo "error: kconfig-mconf not found; run tools/setup.sh" >&2; exit 1; }
	$(Q)mkdir -p $(OUT)
	$(Q)cd $(SRCTREE) && KCONFIG_CONFIG=$(CONFIG) kconfig-mconf Kconfig

olddefconfig:
	$(Q)mkdir -p $(OUT)
	$(Q)cd $(SRCTREE) && KCONFIG_CONFIG=$(CONFIG) kconfig-conf -s --olddefconfig Kconfig

# Writes back to the defconfig the configuration came from, or to DEFCONFIG=.
savedefconfig:
	$(Q)test -f $(CONFIG) || { echo "error: no configuration in $(OUT)" >&2; exit 1; }
	$(Q)dest="$(DEFCONFIG)"; \
	  [ -n "$$dest" ] || dest=$$(cat $(OUT)/.defconfig-source 2>/dev/null) || true; \
	  [ -n "$$dest" ] || dest=$(OUT)/defconfig; \
	  $(SRCTREE)/tools/kconfig/savedefconfig.sh $(SRCTREE) $(OUT) "$$dest"

$(AUTOCONF): $(CONFIG) $(KCONFIG_FILES) $(SRCTREE)/tools/kconfig/mkautoconf.sh
	$(Q)cd $(SRCTREE) && KCONFIG_CONFIG=$(CONFIG) kconfig-conf -s --olddefconfig Kconfig
	$(Q)$(SRCTREE)/tools/kconfig/mkautoconf.sh $(CONFIG) $@

# ---------------------------------------------------------------------------
# Target programs: the bootloader and the OS image link the same objects
# (libslipway.a) for everything they share.

OBJDIR := $(OUT)/obj
tobj = $(patsubst %.S,$(OBJDIR)/%.o,$(patsubst %.c,$(OBJDIR)/%.o,$(1)))
KEYTABLE := $(OUT)/generated/trusted_keys.c
COMMON_OBJS := $(call tobj,$(COMMON_SRCS)) $(OBJDIR)/generated/trusted_keys.o
LOADER_OBJS := $(call tobj,$(LOADER_SRCS))
OS_OBJS := $(call tobj,$(OS_SRCS))
LIBSLIPWAY := $(OBJDIR)/libslipway.a

LAYOUT_OK := $(OUT)/hostcfg/layout.ok
BOOT_ELF := $(OUT)/slipway-boot
OS_ELF := $(OUT)/slipway-os
OS_IMAGE := $(OUT)/slipway-os.img
FLASH_IMAGE := $(OUT)/slipway-flash.bin
SIZES := $(OUT)/sizes.txt
HOST_TOOL := $(OUT)/host/slipway

# What gets signed: on the sim the host executable itself, stripped (the
# sim executes the payload); on a chip the raw binary.
OS_PAYLOAD := $(OUT)/slipway-os.payload
ifeq ($(CONFIG_ARCH_SIM)-$(CONFIG_SECURE_BOOT),y-)
  BOOT_PLACEMENT :=
else
  # A chip whose ROM loads another format names that file (BOOT_ROM_IMAGE,
  # from its Make.defs, with its rule): Espressif's ESP image.
  BOOT_PLACEMENT := $(CONFIG_FLASH_AREA_BOOTLOADER_OFFSET):$(or $(BOOT_ROM_IMAGE),$(BOOT_ELF).bin)
endif

.PHONY: all toolchain run
all: $(BOOT_ELF) $(FLASH_IMAGE) $(HOST_TOOL) $(SIZES)

toolchain:
	$(Q)command -v $(TARGET_CC) >/dev/null 2>&1 || { \
	  echo "error: compiler '$(TARGET_CC)' for arch '$(ARCH)' not found;" \
	       "run tools/setup.sh (or set CROSS_COMPILE=)" >&2; exit 1; }

$(OBJDIR)/%.o: $(SRCTREE)/%.c $(AUTOCONF) | toolchain
	$(quiet) CC $*.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -MMD -MP -c $< -o $@

$(OBJDIR)/%.o: $(SRCTREE)/%.S $(AUTOCONF) | toolchain
	$(quiet) AS $*.S
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -MMD -MP -c $< -o $@

# Chips that run programs in place link each at its place in the layout:
# the board's script, preprocessed with the configuration.
ifneq ($(BOARD_LDSCRIPT),)
LOADER_LDS := $(OUT)/generated/loader.ld
OS_LDS := $(OUT)/generated/os.ld
$(LOADER_LDS): LDS_DEF := -DLINK_LOADER
$(OS_LDS): LDS_DEF := -DLINK_OS
# The scripts beside it are the pieces it includes.
$(LOADER_LDS) $(OS_LDS): $(SRCTREE)/$(BOARD_LDSCRIPT) $(AUTOCONF) \
                         $(wildcard $(dir $(SRCTREE)/$(BOARD_LDSCRIPT))*.ld.S) | toolchain
	$(quiet) LDS $(@F)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) -E -P -x c -include $(AUTOCONF) $(LDS_DEF) $< -o $@
endif

# Trusted keys: a table generated from the configured key files. The tool
# refuses a missing or malformed file, or a key of another algorithm, and
# marks the table when a key is one of the tree's public test keys.
abspath_key = $(if $(filter /%,$(1)),$(1),$(SRCTREE)/$(1))
TRUSTED_KEYS := $(foreach k,$(call unquote,$(CONFIG_BOOT_TRUSTED_KEYS)),$(call abspath_key,$(k)))
SIGNING_KEY := $(if $(call unquote,$(CONFIG_BOOT_SIGNING_KEY)),$(call abspath_key,$(call unquote,$(CONFIG_BOOT_SIGNING_KEY))))
TEST_KEYS := $(wildcard $(SRCTREE)/keys/test/*.pem)

$(KEYTABLE): $(HOST_TOOL) $(CONFIG) $(wildcard $(TRUSTED_KEYS)) $(TEST_KEYS)
	$(quiet) KEYS $(@F)
	@mkdir -p $(@D)
	$(Q)$(HOST_TOOL) image keytable $(if $(SIG_TYPE),--type $(SIG_TYPE)) \
	  $(addprefix --test-keys ,$(TEST_KEYS)) --output $@ $(TRUSTED_KEYS)

$(OBJDIR)/generated/%.o: $(OUT)/generated/%.c $(AUTOCONF) | toolchain
	$(quiet) CC generated/$*.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -MMD -MP -c $< -o $@

# mbedtls for device programs, from its Debian source package. Every file
# is compiled; the project config leaves out what is not enabled, and the
# archive hands the linker only what the program references.
MBEDTLS_LIB := $(OUT)/mbedtls/libmbedcrypto.a
MBEDTLS_LIB_SRCS := aes.c asn1parse.c asn1write.c base64.c bignum.c bignum_core.c \
    constant_time.c ecdsa.c ecp.c ecp_curves.c md.c memory_buffer_alloc.c oid.c pk.c \
    pk_ecc.c pk_wrap.c pkparse.c platform.c platform_util.c rsa.c rsa_alt_helpers.c \
    sha256.c sha512.c
# p256-m, the small P-256 implementation mbedtls ships (3rdparty/p256-m):
# empty unless the configuration chooses it (CONFIG_CRYPTO_P256_P256M).
MBEDTLS_P256M_SRC := $(MBEDTLS_SRC)/3rdparty/p256-m/p256-m/p256-m.c
MBEDTLS_OBJS := $(patsubst %.c,$(OUT)/mbedtls/%.o,$(MBEDTLS_LIB_SRCS)) $(OUT)/mbedtls/p256-m.o

$(MBEDTLS_SRC)/library/%.c:
	@echo "error: mbedtls source missing ($(MBEDTLS_SRC)); run tools/setup.sh" >&2; exit 1
$(MBEDTLS_SRC)/include/mbedtls/build_info.h:
	@echo "error: mbedtls source missing ($(MBEDTLS_SRC)); run tools/setup.sh" >&2; exit 1

$(OUT)/mbedtls/%.o: $(MBEDTLS_SRC)/library/%.c $(AUTOCONF) \
                    $(SRCTREE)/libs/crypto/mbedtls_config.h | toolchain
	$(quiet) CC mbedtls/$*.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(MBEDTLS_CFLAGS) $(MBEDTLS_CALLS_$*) -MMD -MP -c $< -o $@

$(OUT)/mbedtls/p256-m.o: $(MBEDTLS_P256M_SRC) $(AUTOCONF) \
                         $(SRCTREE)/libs/crypto/mbedtls_config.h | toolchain
	$(quiet) CC mbedtls/p256-m.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(MBEDTLS_CFLAGS) -MMD -MP -c $< -o $@

$(MBEDTLS_LIB): $(MBEDTLS_OBJS)
	$(quiet) AR $(@F)
	$(Q)rm -f $@ && $(TARGET_AR) rcs $@ $^

# libsodium's Ed25519 verification for device programs: the few files it
# needs, compiled as the library's own build would, minus configure.
SODIUM_LIB := $(OUT)/sodium/libsodium.a
SODIUM_LIB_SRCS := crypto_sign/ed25519/ref10/open.c crypto_sign/ed25519/ref10/sign.c \
    crypto_core/ed25519/ref10/ed25519_ref10.c crypto_hash/sha512/cp/hash_sha512_cp.c \
    crypto_verify/sodium/verify.c sodium/utils.c
SODIUM_OBJS := $(patsubst %.c,$(OUT)/sodium/%.o,$(SODIUM_LIB_SRCS))
SODIUM_VERSION_H := $(OUT)/sodium/gen/version.h

$(SODIUM_SRC)/%.c:
	@echo "error: libsodium source missing ($(SODIUM_SRC)); run tools/setup.sh" >&2; exit 1

$(SODIUM_VERSION_H): $(SODIUM_SRC)/include/sodium/version.h.in
	@mkdir -p $(@D)
	$(Q)ac=$(SRCTREE)/.deps/libsodium/configure.ac; \
	  sed -e 's/@VERSION@/'"$$(cat $(SRCTREE)/.deps/libsodium/.debian-version)"'/' \
	  -e "s/@SODIUM_LIBRARY_VERSION_MAJOR@/$$(sed -n 's/^SODIUM_LIBRARY_VERSION_MAJOR=//p' $$ac)/" \
	  -e "s/@SODIUM_LIBRARY_VERSION_MINOR@/$$(sed -n 's/^SODIUM_LIBRARY_VERSION_MINOR=//p' $$ac)/" \
	  -e 's/@SODIUM_LIBRARY_MINIMAL_DEF@//' $< >$@

$(OUT)/sodium/%.o: $(SODIUM_SRC)/%.c $(SODIUM_VERSION_H) | toolchain
	$(quiet) CC sodium/$*.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(MBEDTLS_CFLAGS) -DCONFIGURED=1 -I$(dir $(SODIUM_VERSION_H)) \
	  -I$(SODIUM_SRC)/include/sodium -I$(SODIUM_SRC)/crypto_sign/ed25519/ref10 \
	  -MMD -MP -c $< -o $@

$(SODIUM_LIB): $(SODIUM_OBJS)
	$(quiet) AR $(@F)
	$(Q)rm -f $@ && $(TARGET_AR) rcs $@ $^

CRYPTO_LIBS := $(MBEDTLS_LIB) $(if $(CONFIG_BOOT_SIGNATURE_ED25519),$(SODIUM_LIB))

# The ESP-IDF boot scheme checks the partition table's MD5 entry: mbedtls'
# md5.c for its programs only (MD5 is nothing else's business).
ifeq ($(CONFIG_BOOT_SCHEME_ESPIDF),y)
ESPIDF_MD5_OBJ := $(OUT)/mbedtls/espidf-md5.o
$(ESPIDF_MD5_OBJ): $(MBEDTLS_SRC)/library/md5.c $(AUTOCONF) | toolchain
	$(quiet) CC mbedtls/md5.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(MBEDTLS_CFLAGS) -DMBEDTLS_MD5_C -MMD -MP -c $< -o $@
CRYPTO_LIBS += $(ESPIDF_MD5_OBJ)
endif

$(LIBSLIPWAY): $(COMMON_OBJS)
	$(quiet) AR $(@F)
	$(Q)rm -f $@ && $(TARGET_AR) rcs $@ $^

$(BOOT_ELF): $(LOADER_OBJS) $(LIBSLIPWAY) $(CRYPTO_LIBS) $(LAYOUT_OK) $(LOADER_LDS)
	$(quiet) LD $(@F)
	$(Q)$(TARGET_CC) $(TARGET_LDFLAGS) $(if $(LOADER_LDS),-T $(LOADER_LDS)) -Wl$(comma)-Map$(comma)$@.map \
	  -o $@ $(LOADER_OBJS) $(LIBSLIPWAY) $(CRYPTO_LIBS) $(TARGET_LDLIBS)

$(OS_ELF): $(OS_OBJS) $(LIBSLIPWAY) $(CRYPTO_LIBS) $(LAYOUT_OK) $(OS_LDS)
	$(quiet) LD $(@F)
	$(Q)$(TARGET_CC) $(TARGET_LDFLAGS) $(if $(OS_LDS),-T $(OS_LDS) -Wl$(comma)-Map$(comma)$@.map) \
	  -o $@ $(OS_OBJS) $(LIBSLIPWAY) $(CRYPTO_LIBS) $(TARGET_LDLIBS)

$(BOOT_ELF).bin $(OS_ELF).bin: %.bin: %
	$(quiet) OBJCOPY $(@F)
	$(Q)$(TARGET_OBJCOPY) -O binary $< $@

$(OS_PAYLOAD): $(if $(filter y,$(CONFIG_ARCH_SIM)),$(OS_ELF),$(OS_ELF).bin)
	$(quiet) PAYLOAD $(@F)
	$(Q)$(if $(filter y,$(CONFIG_ARCH_SIM)),$(TARGET_OBJCOPY) --strip-all $< $@,cp $< $@)

# Secure Boot V2 (CONFIG_SECURE_BOOT): the ROM stage, the first program
# that runs, and the bootloader as it reads it from the bootloader area:
# stripped and signed (espsecure's layout: data padded to 4 KiB, then the
# signature sector), no larger than the area.
ifeq ($(CONFIG_SECURE_BOOT),y)
ROM_ELF := $(OUT)/slipway-rom
ROM_OBJS := $(call tobj,$(ROM_SRCS))
SECURE_BOOT_KEY := $(call abspath_key,$(call unquote,$(CONFIG_SECURE_BOOT_SIGNING_KEY)))
all: $(ROM_ELF)

# A chip that runs it in place links it for its RAM (LINK_ROM).
ifneq ($(BOARD_LDSCRIPT),)
ROM_LDS := $(OUT)/generated/rom.ld
$(ROM_LDS): $(SRCTREE)/$(BOARD_LDSCRIPT) $(AUTOCONF) | toolchain
	$(quiet) LDS $(@F)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) -E -P -x c -include $(AUTOCONF) -DLINK_ROM $< -o $@
endif

$(ROM_ELF): $(ROM_OBJS) $(LIBSLIPWAY) $(CRYPTO_LIBS) $(LAYOUT_OK) $(ROM_LDS)
	$(quiet) LD $(@F)
	$(Q)$(TARGET_CC) $(TARGET_LDFLAGS) $(if $(ROM_LDS),-T $(ROM_LDS)) -o $@ \
	  $(ROM_OBJS) $(LIBSLIPWAY) $(CRYPTO_LIBS) $(TARGET_LDLIBS)

# The sim's bootloader is the host program, stripped; a chip's the raw binary.
$(BOOT_ROM_IMAGE): $(if $(filter y,$(CONFIG_ARCH_SIM)),$(BOOT_ELF),$(BOOT_ELF).bin) \
                   $(HOST_TOOL) $(wildcard $(SECURE_BOOT_KEY)) $(CONFIG)
	$(quiet) SBV2 $(@F)
	$(Q)$(if $(filter y,$(CONFIG_ARCH_SIM)),$(TARGET_OBJCOPY) --strip-all $< $@.unsigned,cp $< $@.unsigned)
	$(Q)$(HOST_TOOL) esp secure sign-data --version 2 --keyfile $(SECURE_BOOT_KEY) \
	  --output $@ $@.unsigned >/dev/null
	$(Q)n=$$(stat -c %s $@); area=$$(($(CONFIG_FLASH_AREA_BOOTLOADER_SIZE))); \
	  if [ $$n -gt $$area ]; then rm -f $@; \
	    echo "error: the signed bootloader has $$n bytes; its area" \
	         "(CONFIG_FLASH_AREA_BOOTLOADER_SIZE) has $$area" >&2; exit 1; fi
endif

# Signed for the slot the layout gives it: the one .config decides both.
# The secondary slot bounds an image (an update must fit where it is staged:
# the layout check prints that room, the slot less the strategy's stage
# offset).
# Images 1.. of a multi-image configuration: on the sim only image 0 is
# started, so each other image holds the same program, signed for its slot.
sign_os = $(HOST_TOOL) image sign --version $(CONFIG_OS_IMAGE_VERSION) \
	  $(if $(SIGNING_KEY),--key $(SIGNING_KEY)) \
	  $(if $(CONFIG_BOOT_ED25519_PURE),--pure) \
	  $(if $(CONFIG_BOOT_HW_KEY),--public-key-format full) \
	  --header-size $(CONFIG_OS_IMAGE_HEADER_SIZE) --pad-header \
	  --slot-size $$(sed -n 's/^$(1) //p' $(LAYOUT_OK)) \
	  --align $(CONFIG_FLASH_WRITE_ALIGN) $(OS_PAYLOAD) $(2)

EXTRA_IMAGES := $(if $(filter 2 3,$(CONFIG_BOOT_IMAGE_NUMBER)),1) \
                $(if $(filter 3,$(CONFIG_BOOT_IMAGE_NUMBER)),2)
EXTRA_IMAGE_FILES := $(foreach k,$(EXTRA_IMAGES),$(OUT)/slipway-image$(k).img)

$(OS_IMAGE): $(OS_PAYLOAD) $(LAYOUT_OK) $(HOST_TOOL) $(wildcard $(SIGNING_KEY)) $(CONFIG)
	$(quiet) SIGN $(@F)
	$(Q)$(call sign_os,0,$@)

$(OUT)/slipway-image%.img: $(OS_PAYLOAD) $(LAYOUT_OK) $(HOST_TOOL) $(wildcard $(SIGNING_KEY)) $(CONFIG)
	$(quiet) SIGN $(@F)
	$(Q)$(call sign_os,$*,$@)

ifeq ($(CONFIG_BOOT_ESPIDF_RAM_APPS),y)
# The ESP-IDF boot scheme on QEMU virt: the loader at 0, the OS ELF (linked
# for RAM) as an ESP image of RAM segments in ota_0, the table, blank
# otadata (the board's scripts/espidf_flash.sh).
ESPIDF_CSV := $(SRCTREE)/$(call unquote,$(CONFIG_BOOT_ESPIDF_PARTITION_CSV))
ESPIDF_FLASH_SH := $(SRCTREE)/boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/espidf_flash.sh
$(FLASH_IMAGE): $(OS_ELF) $(BOOT_ELF).bin $(HOST_TOOL) $(ESPIDF_CSV) $(CONFIG) $(ESPIDF_FLASH_SH) \
                $(SRCTREE)/tools/espidf_app_desc.sh
	$(quiet) FLASH $(@F)
	$(Q)$(ESPIDF_FLASH_SH) $(HOST_TOOL) $(TARGET_OBJCOPY) $(OS_ELF) $(BOOT_ELF).bin \
	  $(call unquote,$(CONFIG_OS_IMAGE_VERSION)) $(CONFIG_OS_ESPIDF_SECURE_VERSION) \
	  $(ESPIDF_CSV) $(CONFIG_BOOT_ESPIDF_TABLE_OFFSET) $(CONFIG_FLASH_SIZE) $(OUT)
else ifeq ($(CONFIG_BOOT_SCHEME_ESPIDF),y)
# The ESP-IDF boot scheme: the OS as an ESP image in the board CSV's
# factory partition, the binary table, blank otadata (tools/espidf_image.sh).
ESPIDF_CSV := $(SRCTREE)/$(call unquote,$(CONFIG_BOOT_ESPIDF_PARTITION_CSV))
# Secure Boot V2: the OS app signed with this key (Kconfig help).
ESPIDF_SIGNING_KEY := $(if $(call unquote,$(CONFIG_BOOT_ESPIDF_SECURE_BOOT_SIGNING_KEY)),\
    $(SRCTREE)/$(call unquote,$(CONFIG_BOOT_ESPIDF_SECURE_BOOT_SIGNING_KEY)))
$(FLASH_IMAGE): $(OS_PAYLOAD) $(HOST_TOOL) $(ESPIDF_CSV) $(ESPIDF_SIGNING_KEY) $(CONFIG) $(SRCTREE)/tools/espidf_image.sh \
                $(SRCTREE)/tools/espidf_app_desc.sh
	$(quiet) FLASH $(@F)
	$(Q)$(SRCTREE)/tools/espidf_image.sh $(HOST_TOOL) riscv64-unknown-elf-objcopy \
	  $(OS_PAYLOAD) $(call unquote,$(CONFIG_OS_IMAGE_VERSION)) \
	  $(CONFIG_OS_ESPIDF_SECURE_VERSION) $(ESPIDF_CSV) \
	  $(CONFIG_BOOT_ESPIDF_TABLE_OFFSET) $(CONFIG_FLASH_SIZE) $(OUT) \
	  $(ESPIDF_SIGNING_KEY)
else
$(FLASH_IMAGE): $(OS_IMAGE) $(EXTRA_IMAGE_FILES) $(if $(BOOT_PLACEMENT),$(or $(BOOT_ROM_IMAGE),$(BOOT_ELF).bin)) $(HOST_TOOL)
	$(quiet) FLASH $(@F)
	$(Q)$(HOST_TOOL) flash assemble --size $(CONFIG_FLASH_SIZE) --output $@ \
	  $(BOOT_PLACEMENT) $(CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET):$(OS_IMAGE) \
	  $(foreach k,$(EXTRA_IMAGES),$(CONFIG_FLASH_AREA_IMAGE$(k)_PRIMARY_OFFSET):$(OUT)/slipway-image$(k).img)
endif

# text data bss of the bootloader, for `make matrix`; the same by
# component, from the link map (`make size`). A bootloader whose flash
# (text and data) exceeds the area the layout reserves for it fails the
# build (the linker scripts of the chips that run it in place bound it
# there already, with ld's "region `flash' overflowed").
SIZE_COMPONENTS := $(OUT)/size-components.txt
$(SIZES): $(BOOT_ELF) $(SIZE_COMPONENTS)
	$(Q)$(TARGET_SIZE) $< | awk 'NR == 2 { print $$1, $$2, $$3 }' >$@.tmp
ifneq ($(CONFIG_ARCH_SIM),y)
	$(Q)set -- $$(cat $@.tmp); area=$$(($(CONFIG_FLASH_AREA_BOOTLOADER_SIZE))); \
	  if [ $$(($$1 + $$2)) -gt $$area ]; then \
	    echo "error: the bootloader needs $$(($$1 + $$2)) bytes of flash (text $$1, data $$2);" \
	         "its area (CONFIG_FLASH_AREA_BOOTLOADER_SIZE) has $$area" >&2; exit 1; fi
endif
	$(Q)mv $@.tmp $@

$(SIZE_COMPONENTS): $(BOOT_ELF) $(SRCTREE)/tools/size/components.sh
	$(Q)test -f $<.map || { echo "error: $<.map missing (linked before maps were written): make clean" >&2; exit 1; }
	$(Q)printf '%s\n' $(COMMON_OBJS) >$@.objs
	$(Q)$(SRCTREE)/tools/size/components.sh $(CROSS_COMPILE)objdump $< $<.map $@.objs >$@.tmp
	$(Q)mv $@.tmp $@

# sim: boot a fresh copy of the flash image; the console is this terminal,
# the SMP line a pty linked at <build>/run/smp-pty (for `slipway smp`).
# QEMU virt and mps2: the same on a fresh copy of the flash file; the one
# UART is this terminal, or with RUN_SERIAL=pty a pty for slipway smp.
run: all
ifeq ($(CONFIG_ARCH_SIM),y)
	$(Q)mkdir -p $(OUT)/run && cp $(FLASH_IMAGE) $(OUT)/run/flash.bin && rm -f $(OUT)/run/flash.bin.otp
	$(Q)SLIPWAY_SIM_FLASH=$(OUT)/run/flash.bin SLIPWAY_SIM_SMP_PTY=$(OUT)/run/smp-pty $(or $(ROM_ELF),$(BOOT_ELF))
else ifeq ($(CONFIG_CHIP_QEMU_VIRT),y)
	$(Q)mkdir -p $(OUT)/run && cp $(FLASH_IMAGE) $(OUT)/run/flash.bin
	$(if $(CONFIG_QEMU_VIRT_RAM_NOR),$(Q)truncate -s 16M $(OUT)/run/flash.bin)
ifeq ($(RUN_SERIAL),pty)
	@echo "run: the UART is the pty $(OUT)/run/uart (slipway smp --port $(OUT)/run/uart);" \
	      "the console goes to $(OUT)/run/uart.log; Ctrl-C stops QEMU"
	$(Q)$(SRCTREE)/tools/qemu/virt.sh --pty $(OUT)/run/uart --log $(OUT)/run/uart.log $(if $(ROM_ELF),--rom $(ROM_ELF)) $(if $(CONFIG_QEMU_VIRT_RAM_NOR),--ramflash) $(OUT)/run/flash.bin
else
	@echo "run: QEMU on this terminal (Ctrl-A X quits); 'make run RUN_SERIAL=pty' puts the UART on a pty for slipway smp"
	$(Q)$(SRCTREE)/tools/qemu/virt.sh $(if $(ROM_ELF),--rom $(ROM_ELF)) $(if $(CONFIG_QEMU_VIRT_RAM_NOR),--ramflash) $(OUT)/run/flash.bin
endif
else ifeq ($(CONFIG_CHIP_MPS2_AN385)$(CONFIG_CHIP_MPS2_AN505),y)
	$(Q)mkdir -p $(OUT)/run && cp $(FLASH_IMAGE) $(OUT)/run/flash.bin
ifeq ($(RUN_SERIAL),pty)
	@echo "run: the UART is the pty $(OUT)/run/uart (slipway smp --port $(OUT)/run/uart);" \
	      "the console goes to $(OUT)/run/uart.log; Ctrl-C stops QEMU"
	$(Q)$(SRCTREE)/tools/qemu/mps2.sh --machine $(if $(CONFIG_CHIP_MPS2_AN505),an505,an385) \
	  --pty $(OUT)/run/uart --log $(OUT)/run/uart.log $(BOOT_ELF) $(OUT)/run/flash.bin
else
	@echo "run: QEMU on this terminal (Ctrl-A X quits); 'make run RUN_SERIAL=pty' puts the UART on a pty for slipway smp"
	$(Q)$(SRCTREE)/tools/qemu/mps2.sh --machine $(if $(CONFIG_CHIP_MPS2_AN505),an505,an385) \
	  $(BOOT_ELF) $(OUT)/run/flash.bin
endif
else
	@echo "error: 'make run' is not available for board '$(BOARD)' yet" >&2; exit 1
endif

# ---------------------------------------------------------------------------
# The host program: independent of the configuration.

HOST_OBJDIR := $(HOST_OUT)/host/obj
HOST_OBJS := $(patsubst %.c,$(HOST_OBJDIR)/%.o,$(HOST_SRCS))

# mbedtls for every host program, from the same source as the devices',
# configured by libs/crypto/mbedtls_host_config.h: the files it enables.
HOST_MBEDTLS_SRCS := aes.c asn1parse.c asn1write.c base64.c bignum.c bignum_core.c \
    constant_time.c ctr_drbg.c ecdh.c ecdsa.c ecp.c ecp_curves.c entropy.c \
    entropy_poll.c hkdf.c hmac_drbg.c md.c md5.c oid.c pem.c pk.c pk_ecc.c pk_wrap.c \
    pkparse.c pkwrite.c platform.c platform_util.c rsa.c rsa_alt_helpers.c sha1.c \
    sha256.c sha512.c
HOST_MBEDTLS_OBJS := $(patsubst %.c,$(HOST_OUT)/host/mbedtls/%.o,$(HOST_MBEDTLS_SRCS))

$(HOST_OUT)/host/mbedtls/%.o: $(MBEDTLS_SRC)/library/%.c $(SRCTREE)/libs/crypto/mbedtls_host_config.h
	$(quiet) HOSTCC mbedtls/$*.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -std=gnu11 -O2 -g -w -I$(SRCTREE) $(HOST_MBEDTLS_DEFS) -I$(MBEDTLS_SRC)/library \
	  -MMD -MP -c $< -o $@

$(HOST_MBEDTLS_LIB): $(MBEDTLS_SRC)/include/mbedtls/build_info.h $(HOST_MBEDTLS_OBJS)
	$(quiet) AR host/mbedtls/$(@F)
	$(Q)rm -f $@ && ar rcs $@ $(HOST_MBEDTLS_OBJS)

$(HOST_OBJDIR)/%.o: $(SRCTREE)/%.c | $(MBEDTLS_SRC)/include/mbedtls/build_info.h
	$(quiet) HOSTCC $*.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(HOST_OUT)/host/slipway: $(HOST_OBJS) $(HOST_MBEDTLS_LIB)
	$(quiet) HOSTLD $(@F)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -o $@ $(HOST_OBJS) $(HOST_LDLIBS) -lcjson

# The host program again under AddressSanitizer (LeakSanitizer included)
# and UBSan: the script tests run this one (tests/lib.sh), and tests/run.sh
# counts any finding as a failure.
HOST_SAN_TOOL := $(OUT)/host-san/slipway
HOST_SAN_OBJDIR := $(HOST_OUT)/host-san/obj
HOST_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                 -fno-omit-frame-pointer
HOST_SAN_OBJS := $(patsubst %.c,$(HOST_SAN_OBJDIR)/%.o,$(HOST_SRCS))

$(HOST_SAN_OBJDIR)/%.o: $(SRCTREE)/%.c | $(MBEDTLS_SRC)/include/mbedtls/build_info.h
	$(quiet) HOSTCC $*.c [asan]
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) -MMD -MP -c $< -o $@

$(HOST_OUT)/host-san/slipway: $(HOST_SAN_OBJS) $(HOST_MBEDTLS_LIB)
	$(quiet) HOSTLD $(@F) [asan]
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_SANITIZE) -o $@ $(HOST_SAN_OBJS) $(HOST_LDLIBS) -lcjson

# Built in another directory (HOST_O): each build still has its own copy,
# where its scripts and users look for it.
ifneq ($(HOST_OUT),$(OUT))
$(HOST_TOOL) $(HOST_SAN_TOOL): $(OUT)/%: $(HOST_OUT)/%
	@mkdir -p $(@D)
	$(Q)cp $< $@
endif


# ---------------------------------------------------------------------------
# Host programs built against this configuration: the layout check (a build
# step) and the unit tests (cmocka; tests/Make.defs names each test and the
# sources it exercises).

TEST_OBJDIR := $(OUT)/hostcfg/obj
TEST_BINS := $(addprefix $(OUT)/tests/,$(UNIT_TESTS))
# The unit tests run under AddressSanitizer (LeakSanitizer included) and
# UBSan, as the host program's script tests do: any finding fails the test.
TEST_SANITIZE := $(HOST_SANITIZE)
TEST_CFLAGS := -std=gnu11 -O1 -g $(WARNFLAGS) -I$(SRCTREE) $(HOST_MBEDTLS_DEFS) -include $(AUTOCONF) \
               $(VERSION_DEF) -DSLIPWAY_SHARED_DIR='"$(SRCTREE)/../shared"' \
               -DBOOT_FIH_GLITCH_HOOK $(TEST_SANITIZE)

$(TEST_OBJDIR)/%.o: $(SRCTREE)/%.c $(AUTOCONF) | $(MBEDTLS_SRC)/include/mbedtls/build_info.h
	$(quiet) HOSTCC $*.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(TEST_CFLAGS) -MMD -MP -c $< -o $@

LAYOUT_CHECK_SRCS := tools/layout/layout_check.c libs/flashmap/flashmap.c \
                     libs/flashmap/flashmap_kconfig.c libs/bootstate/strategy.c \
                     drivers/mtd/mtd.c \
                     drivers/mtd/mtd_window.c
LAYOUT_CHECK := $(OUT)/hostcfg/layout-check

$(LAYOUT_CHECK): $(patsubst %.c,$(TEST_OBJDIR)/%.o,$(LAYOUT_CHECK_SRCS))
	$(quiet) HOSTLD $(@F)
	$(Q)$(HOSTCC) $(TEST_SANITIZE) -o $@ $^

# A layout the bootloader would refuse stops the build here, naming the areas.
$(LAYOUT_OK): $(LAYOUT_CHECK)
	$(quiet) CHECK flash layout
	$(Q)$(LAYOUT_CHECK) >$@.tmp && mv $@.tmp $@

test_objs = $(patsubst %.c,$(TEST_OBJDIR)/%.o,$($(1)_SRCS))

.SECONDEXPANSION:
$(TEST_BINS): $(OUT)/tests/%: $(TEST_OBJDIR)/tests/%.o $$(call test_objs,$$*) $(HOST_MBEDTLS_LIB)
	$(quiet) TESTLD $*
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(TEST_SANITIZE) -o $@ $(filter %.o,$^) -lcmocka -lcjson $(HOST_LDLIBS)

.PHONY: tests
tests: $(TEST_BINS) $(HOST_TOOL) $(HOST_SAN_TOOL) all
	$(Q)printf '%s\n' $(TEST_BINS) >$(OUT)/tests/list

# ---------------------------------------------------------------------------
# Fuzzing (clang's libFuzzer with ASan and UBSan), independent of the
# configuration. `make fuzz` runs each target FUZZ_SECONDS (default 600).

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_DIR := $(OUT)/fuzz
FUZZ_BINS := $(addprefix $(FUZZ_DIR)/,$(addsuffix .bin,$(FUZZ_TARGETS)))
FUZZ_CFLAGS := -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined \
               -fno-sanitize-recover=undefined $(WARNFLAGS) -I$(SRCTREE) $(HOST_MBEDTLS_DEFS) \
               $(VERSION_DEF)

$(FUZZ_BINS): $(FUZZ_DIR)/%.bin: $(SRCTREE)/tests/fuzz/%.c \
              $$(addprefix $(SRCTREE)/,$$($$*_SRCS)) $(HOST_MBEDTLS_LIB)
	$(quiet) FUZZCC $*
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(filter %.c,$^) $(HOST_LDLIBS)

.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	$(Q)$(SRCTREE)/tools/fuzz.sh $(SRCTREE) $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# ---------------------------------------------------------------------------
# Benchmarks: figures counted by callgrind (tools/bench.sh). The subject is
# built as a P-256 bootloader is: -Os, mbedtls from source with the device
# configuration (libs/crypto/mbedtls_config.h).

BENCH_DIR := $(OUT)/bench
BENCH_CONFIG := -DCONFIG_BOOT_SIGNATURE_ECDSA_P256=1 -DCONFIG_CRYPTO_HEAP_SIZE=9216
# ECP's inverses by Fermat, linked as a P-256 bootloader links them (libs/Make.defs).
BENCH_MODINV := libs/crypto/crypto_modinv.c
BENCH_MODINV_LDFLAGS := -Wl,--wrap=mbedtls_mpi_gcd_modinv_odd
BENCH_IMAGE_SRCS := tools/bench/bench_image.c libs/image/image_validate.c libs/bootstate/fih.c \
    libs/image/image_sig_ecdsa.c libs/image/image_tlv.c libs/image/image_header.c \
    libs/image/image_error.c libs/crypto/crypto_hash.c libs/crypto/crypto_ecdsa.c $(BENCH_MODINV) \
    libs/crypto/crypto_aes.c libs/crypto/crypto_heap.c drivers/mtd/mtd.c \
    drivers/mtd/sim_flash.c
BENCH_MBEDTLS_SRCS := aes.c asn1parse.c asn1write.c bignum.c bignum_core.c constant_time.c \
    ecdsa.c ecp.c ecp_curves.c md.c memory_buffer_alloc.c oid.c pk.c pk_ecc.c pk_wrap.c \
    pkparse.c platform.c platform_util.c rsa.c rsa_alt_helpers.c sha256.c

$(BENCH_DIR)/bench_image: $(addprefix $(SRCTREE)/,$(BENCH_IMAGE_SRCS)) \
                          $(addprefix $(MBEDTLS_SRC)/library/,$(BENCH_MBEDTLS_SRCS)) \
                          $(SRCTREE)/libs/crypto/mbedtls_config.h
	$(quiet) HOSTCC bench_image
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -std=gnu11 -Os -g -w -I$(SRCTREE) $(MBEDTLS_DEFS) \
	  -I$(MBEDTLS_SRC)/library $(BENCH_CONFIG) -ffunction-sections -fdata-sections \
	  -Wl,--gc-sections $(BENCH_MODINV_LDFLAGS) -o $@ $(filter %.c,$^)

# The same subject for the other signatures (small vectors: the signature
# is most of the count), each with its device configuration.
BENCH_OTHER_SIGS := rsa2048 rsa3072 ed25519 p256m
BENCH_SIG_CONFIG_rsa2048 := -DCONFIG_BOOT_SIGNATURE_RSA_2048=1 -DCONFIG_CRYPTO_HEAP_SIZE=16384
BENCH_SIG_CONFIG_rsa3072 := -DCONFIG_BOOT_SIGNATURE_RSA_3072=1 -DCONFIG_CRYPTO_HEAP_SIZE=16384
BENCH_SIG_CONFIG_ed25519 := -DCONFIG_BOOT_SIGNATURE_ED25519=1 -DCONFIG_CRYPTO_HEAP_SIZE=1024
# P-256 through p256-m (CONFIG_CRYPTO_P256_P256M) instead of mbedtls' ECP,
# with the small SHA-256 its Kconfig default brings.
BENCH_SIG_CONFIG_p256m := -DCONFIG_BOOT_SIGNATURE_ECDSA_P256=1 -DCONFIG_CRYPTO_P256_P256M=1 \
    -DCONFIG_CRYPTO_SHA256_SMALL=1 -DCONFIG_CRYPTO_HEAP_SIZE=8192
BENCH_SIG_SRCS_rsa2048 := libs/image/image_sig_rsa.c libs/crypto/crypto_rsa.c libs/crypto/crypto_expmod.c
BENCH_SIG_LDFLAGS_rsa2048 := -Wl,--wrap=mbedtls_mpi_exp_mod_unsafe
BENCH_SIG_LDFLAGS_rsa3072 := $(BENCH_SIG_LDFLAGS_rsa2048)
BENCH_SIG_SRCS_rsa3072 := $(BENCH_SIG_SRCS_rsa2048)
BENCH_SIG_SRCS_ed25519 := libs/image/image_sig_ed25519.c libs/crypto/crypto_ed25519.c \
    $(addprefix .deps/libsodium/src/libsodium/,$(SODIUM_LIB_SRCS))
BENCH_SIG_SRCS_p256m := libs/image/image_sig_ecdsa.c libs/crypto/crypto_ecdsa.c \
    $(patsubst $(SRCTREE)/%,%,$(MBEDTLS_P256M_SRC))
BENCH_SIG_rsa2048 := image_sig_rsa2048
BENCH_SIG_rsa3072 := image_sig_rsa3072
BENCH_SIG_ed25519 := image_sig_ed25519
BENCH_SIG_p256m := image_sig_ecdsa_p256
BENCH_IMAGE_COMMON_SRCS := $(filter-out libs/image/image_sig_ecdsa.c libs/crypto/crypto_ecdsa.c $(BENCH_MODINV),\
    $(BENCH_IMAGE_SRCS))

$(addprefix $(BENCH_DIR)/bench_image_,$(BENCH_OTHER_SIGS)): $(BENCH_DIR)/bench_image_%: \
    $$(addprefix $(SRCTREE)/,$(BENCH_IMAGE_COMMON_SRCS) $$(BENCH_SIG_SRCS_$$*)) \
    $(addprefix $(MBEDTLS_SRC)/library/,$(BENCH_MBEDTLS_SRCS)) \
    $(SRCTREE)/libs/crypto/mbedtls_config.h $(SODIUM_VERSION_H)
	$(quiet) HOSTCC bench_image_$*
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -std=gnu11 -Os -g -w -I$(SRCTREE) $(MBEDTLS_DEFS) $(SODIUM_DEFS) \
	  -I$(MBEDTLS_SRC)/library -DCONFIGURED=1 -I$(dir $(SODIUM_VERSION_H)) \
	  -I$(SODIUM_SRC)/include/sodium -I$(SODIUM_SRC)/crypto_sign/ed25519/ref10 \
	  -ffunction-sections -fdata-sections -Wl,--gc-sections \
	  $(BENCH_SIG_CONFIG_$*) -DBENCH_SIG=$(BENCH_SIG_$*) $(BENCH_SIG_LDFLAGS_$*) -o $@ $(filter %.c,$^)

# The upgrade counts: the engine and the simulated flash, counted by the
# flash itself (no crypto beyond SHA-256, so host mbedtls will do).
BENCH_UPGRADE_SRCS := tools/bench/bench_upgrade.c boot/agent/ota.c boot/engine/engine.c \
    boot/engine/validation_cache.c \
    libs/flashmap/flash_stream.c \
    $(BOOT_STRATEGY_SRCS) \
    libs/bootstate/bootstate.c libs/bootstate/slot_limits.c libs/bootstate/update_rules.c libs/bootstate/update_plan.c \
    libs/bootstate/strategy.c libs/bootstate/fih.c \
    libs/flashmap/flashmap.c libs/image/image_validate.c \
    libs/image/image_tlv.c libs/image/image_header.c libs/image/image_error.c \
    libs/crypto/crypto_hash.c libs/crypto/crypto_aes.c libs/log/log.c \
    drivers/mtd/mtd.c drivers/mtd/mtd_window.c drivers/mtd/sim_flash.c

$(BENCH_DIR)/bench_upgrade: $(addprefix $(SRCTREE)/,$(BENCH_UPGRADE_SRCS)) $(HOST_MBEDTLS_LIB)
	$(quiet) HOSTCC bench_upgrade
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -std=gnu11 -O2 $(WARNFLAGS) -I$(SRCTREE) $(HOST_MBEDTLS_DEFS) -DCONFIG_LOG_LEVEL=0 \
	  -o $@ $(filter %.c,$^) $(HOST_LDLIBS)

.PHONY: bench
bench: $(BENCH_DIR)/bench_image $(addprefix $(BENCH_DIR)/bench_image_,$(BENCH_OTHER_SIGS)) \
       $(BENCH_DIR)/bench_upgrade $(HOST_TOOL)
	$(Q)$(SRCTREE)/tools/bench.sh $(SRCTREE) $(BENCH_DIR) $(HOST_TOOL)
	$(Q)$(SRCTREE)/tools/bench_boot_sim.sh $(SRCTREE) $(BENCH_DIR)
	$(Q)$(SRCTREE)/tools/bench_qemu.sh $(SRCTREE) $(BENCH_DIR)

# ---------------------------------------------------------------------------
# The boot engine's power-fail proof alone; -long uses large slots.

.PHONY: powerfail powerfail-long
powerfail powerfail-long: setup
	$(Q)$(MAKE) -s -f $(SRCTREE)/Makefile O=$(OUT)/check sim_defconfig >/dev/null
	$(Q)$(MAKE) -s -f $(SRCTREE)/Makefile O=$(OUT)/check $(OUT)/check/tests/boot/test_powerfail
	$(Q)POWERFAIL_SECTORS=$(or $(POWERFAIL_SECTORS),$(if $(filter powerfail-long,$@),64,16)) \
	  $(OUT)/check/tests/boot/test_powerfail >$(OUT)/check/$@.log 2>&1; rc=$$?; \
	  grep -E '^powerfail:|cut points|FAIL' $(OUT)/check/$@.log; exit $$rc

# ---------------------------------------------------------------------------
# The README's commands and the matrix.

.PHONY: setup check demo matrix clean distclean size

setup:
	$(Q)$(SRCTREE)/tools/setup.sh

check: setup
	$(Q)O=$(OUT) $(SRCTREE)/tests/run.sh

demo: setup
	$(Q)$(MAKE) -s -f $(SRCTREE)/Makefile O=$(OUT)/demo sim_defconfig
	$(Q)$(MAKE) -s -f $(SRCTREE)/Makefile O=$(OUT)/demo all
	$(Q)$(SRCTREE)/tools/demo.sh $(SRCTREE) $(OUT)/demo
	$(Q)echo
	$(Q)$(MAKE) -s -f $(SRCTREE)/Makefile O=$(OUT)/demo-espidf sim_espidf_defconfig
	$(Q)$(MAKE) -s -f $(SRCTREE)/Makefile O=$(OUT)/demo-espidf all
	$(Q)$(SRCTREE)/tools/demo_espidf.sh $(SRCTREE) $(OUT)/demo-espidf

matrix:
	$(Q)$(SRCTREE)/tools/matrix.sh $(SRCTREE) $(OUT)/matrix $(DEFCONFIGS)

# The matrix's builds, then each bootloader by component.
size:
	$(Q)$(SRCTREE)/tools/matrix.sh --components $(SRCTREE) $(OUT)/matrix $(DEFCONFIGS)

clean:
	$(Q)rm -rf $(OBJDIR) $(OUT)/host $(OUT)/hostcfg $(OUT)/tests $(OUT)/run $(OUT)/mbedtls $(OUT)/sodium $(OUT)/generated $(BOOT_ELF) \
	  $(OS_ELF) $(OUT)/*.bin $(OUT)/*.img $(SIZES) $(SIZE_COMPONENTS) $(OUT)/include

distclean:
	$(Q)rm -rf $(OUT)

help:
	@echo 'Slipway. Configuration:'
	@echo '  make list                 shipped configurations'
	@echo '  make <name>_defconfig     configure O= (default build/) from defconfigs/'
	@echo '  make defconfig DEFCONFIG=<file>   configure from any file'
	@echo '  make menuconfig           change the configuration'
	@echo '  make olddefconfig         bring .config up to date with Kconfig'
	@echo '  make savedefconfig        write the minimal defconfig back (or to DEFCONFIG=)'
	@echo 'Build and run:'
	@echo '  make [O=<dir>] [V=1]      bootloader, OS image, flash image, host tool'
	@echo '  make run [RUN_SERIAL=pty] boot the flash image (sim, or QEMU for qemu-rv32-virt and mps2-*)'
	@echo '  make clean | distclean'
	@echo 'The two README commands (each installs what is missing first):'
	@echo '  make demo                 build the sim default and run it'
	@echo '  make check                every test, the matrix included'
	@echo '  make matrix               build every defconfig, table of sizes'
	@echo '  make size                 the matrix, then each bootloader by component'
	@echo '  make fuzz [FUZZ_SECONDS=n]  run every libFuzzer target (default 600 s each)'
	@echo '  make bench                the figures, counted by callgrind'
	@echo '  make powerfail[-long]     the boot engine power-fail proof (small / large slots)'

-include $(COMMON_OBJS:.o=.d) $(LOADER_OBJS:.o=.d) $(OS_OBJS:.o=.d) $(ROM_OBJS:.o=.d) $(MBEDTLS_OBJS:.o=.d) $(SODIUM_OBJS:.o=.d) \
         $(HOST_OBJS:.o=.d) $(HOST_SAN_OBJS:.o=.d) $(HOST_MBEDTLS_OBJS:.o=.d) $(wildcard $(TEST_OBJDIR)/*/*.d $(TEST_OBJDIR)/*/*/*.d \
         $(TEST_OBJDIR)/*/*/*/*.d $(TEST_OBJDIR)/*/*/*/*/*.d)
