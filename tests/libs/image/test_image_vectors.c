/* tests/libs/image/test_image_vectors.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libs/image against every imgtool vector: each is validated as
 * vectors.json configures it (signature, hash, pure mode, key TLV, trusted
 * keys, slot size; the rest of the slot erased) and must give the result
 * MANIFEST and vectors.json state. Negative vectors must be refused, with
 * the reason printed.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/image/image_validate.h"

#include <cjson/cJSON.h>
#include <string.h>

struct loaded {
	cJSON *json;
	char *manifest;
};

static struct loaded L;

static int setup(void **state)
{
	(void)state;
	return 0;
}

static cJSON *vectors(void)
{
	if (L.json == NULL) {
		size_t len;
		char *text = (char *)test_read_shared("vectors/imgtool/vectors.json", &len);

		text[len] = '\0';
		L.json = cJSON_Parse(text);
		free(text);
		assert_non_null(L.json);
		L.manifest = (char *)test_read_shared("vectors/imgtool/MANIFEST", &len);
		L.manifest[len] = '\0';
	}
	return L.json;
}

static const char *str(const cJSON *v, const char *key)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(v, key);

	return cJSON_IsString(s) ? s->valuestring : NULL;
}

static const struct image_sig_alg *sig_of(const char *name)
{
	const struct image_sig_alg *algs[] = {
		&image_sig_ecdsa_p256, &image_sig_ecdsa_p384, &image_sig_rsa2048,
		&image_sig_rsa3072, &image_sig_ed25519,
	};

	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
		if (strcmp(name, algs[i]->name) == 0)
			return algs[i];
	fail_msg("unknown signature '%s' in vectors.json", name);
	return NULL;
}

static enum crypto_hash_alg hash_of(const char *name)
{
	if (strcmp(name, "sha256") == 0) return CRYPTO_HASH_SHA256;
	if (strcmp(name, "sha384") == 0) return CRYPTO_HASH_SHA384;
	if (strcmp(name, "sha512") == 0) return CRYPTO_HASH_SHA512;
	fail_msg("unknown hash '%s' in vectors.json", name);
	return CRYPTO_HASH_SHA256;
}

/* The MANIFEST's expected field (the last of three) for `name`. */
static const char *manifest_expected(const char *name, char *buf, size_t len)
{
	size_t n = strlen(name);

	for (const char *line = L.manifest; *line;) {
		const char *nl = strchr(line, '\n');
		const char *end = nl ? nl : line + strlen(line);
		const char *tab = end;

		while (tab > line && tab[-1] != '\t')
			tab--;
		if (strncmp(line, name, n) == 0 && line[n] == '\t' && tab > line) {
			snprintf(buf, len, "%.*s", (int)(end - tab), tab);
			return buf;
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return NULL;
}

static int manifest_lines(void)
{
	int n = 0;

	for (const char *p = L.manifest; *p; p++)
		n += *p == '\n';
	return n;
}

struct slot {
	struct sim_flash fl;
	struct mtd_region region;
	struct mtd_geometry geo;
	uint8_t *mem;
};

static void slot_load(struct slot *s, const char *rel, uint32_t slot_size)
{
	size_t len;
	uint8_t *img = test_read_shared(rel, &len);

	assert_true(len <= slot_size);
	s->mem = malloc(slot_size);
	assert_non_null(s->mem);
	memset(s->mem, 0xff, slot_size);
	memcpy(s->mem, img, len);
	free(img);
	s->region = (struct mtd_region){ 0x1000, slot_size / 0x1000 };
	s->geo = (struct mtd_geometry){ &s->region, 1, 1, 0xff, slot_size };
	assert_int_equal(sim_flash_init_ram(&s->fl, &s->geo, s->mem), 0);
}

struct keyset {
	struct image_key keys[4];
	unsigned int n;
};

static void load_keys(const cJSON *v, struct keyset *ks)
{
	const cJSON *k;
	char rel[256];

	ks->n = 0;
	cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(v, "trusted_keys")) {
		size_t len;

		snprintf(rel, sizeof(rel), "vectors/imgtool/%s", k->valuestring);
		ks->keys[ks->n].der = test_read_shared(rel, &len);
		ks->keys[ks->n].len = len;
		ks->n++;
	}
}

static void free_keys(struct keyset *ks)
{
	for (unsigned int i = 0; i < ks->n; i++)
		free((void *)ks->keys[i].der);
}

static void hex(const uint8_t *b, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
}

/* Validate one file of a vector under the vector's configuration. */
/* run() inspects (image_inspect) instead of validating. */
static int inspect_only;

static int run(const cJSON *v, const char *name, const char *file,
	       int encrypted_body, int hw_key_override, struct image_facts *f)
{
	static uint8_t pure_buf[0x80000];
	struct keyset ks;
	struct slot s;
	struct image_policy pol = { 0 };
	struct image_enc_key enc = { 0 };
	size_t enc_len;
	char rel[256];
	int rc;

	pol.sig = sig_of(str(v, "signature"));
	pol.hash = hash_of(str(v, "hash"));
	pol.pure = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "pure"));
	pol.hw_key = hw_key_override >= 0 ? hw_key_override :
		     (str(v, "key_tlv") && strcmp(str(v, "key_tlv"), "PUBKEY") == 0);
	pol.pure_buf = pure_buf;
	pol.pure_buf_len = sizeof(pure_buf);
	pol.encrypted_body = encrypted_body;
	if (encrypted_body && str(v, "decrypt_key")) {
		snprintf(rel, sizeof(rel), "vectors/imgtool/%s", str(v, "decrypt_key"));
		enc.der = test_read_shared(rel, &enc_len);
		enc.len = enc_len;
		enc.kind = strstr(str(v, "decrypt_key"), "x25519") ?
			   CRYPTO_ECIES_X25519 : CRYPTO_ECIES_P256;
		enc.unwrap = crypto_ecies_unwrap;
		pol.enc_key = &enc;
	}
	load_keys(v, &ks);
	pol.keys = ks.keys;
	pol.nkeys = ks.n;
	snprintf(rel, sizeof(rel), "vectors/imgtool/%s/%s", name, file);
	slot_load(&s, rel,
		  (uint32_t)cJSON_GetObjectItemCaseSensitive(v, "slot_size")->valuedouble);
	rc = inspect_only ? image_inspect(&s.fl.mtd, f) : image_validate(&s.fl.mtd, &pol, f);
	free((void *)enc.der);
	free(s.mem);
	free_keys(&ks);
	return rc;
}

static void test_every_vector(void **state)
{
	const cJSON *v;
	int checked = 0, failures = 0;

	(void)state;
	cJSON_ArrayForEach(v, vectors()) {
		const char *name = v->string;
		const char *expected = str(v, "expected");
		const char *digest = str(v, "image_digest");
		int encrypted = str(v, "decrypt_key") != NULL;
		struct image_facts f;
		char mbuf[64], got[2 * CRYPTO_HASH_MAX_SIZE + 1];
		const char *m = manifest_expected(name, mbuf, sizeof(mbuf));
		int rc;

		if (m == NULL || strcmp(m, expected) != 0) {
			fprintf(stderr, "%s: MANIFEST says %s, vectors.json %s\n",
				name, m ? m : "(absent)", expected);
			failures++;
			continue;
		}
		rc = run(v, name, "image.bin", encrypted, -1, &f);
		checked++;
		if (encrypted) {
			/* the download form decrypts to the expected result... */
			hex(f.digest, f.digest_len, got);
			if (rc != IMAGE_OK || strcmp(got, digest) != 0) {
				fprintf(stderr, "%-32s expected %s (decrypted with "
					"%s): got '%s'\n", name, expected,
					str(v, "decrypt_key"), image_strerror(rc));
				failures++;
			}
			/* ...and the installed form validates as stored */
			rc = run(v, name, "image-decrypted.bin", 0, -1, &f);
		}
		if (strcmp(expected, "valid") == 0) {
			hex(f.digest, f.digest_len, got);
			if (rc != IMAGE_OK || !digest || strcmp(got, digest) != 0) {
				fprintf(stderr, "%-32s expected valid: got '%s'\n",
					name, image_strerror(rc));
				failures++;
			} else {
				fprintf(stderr, "%-32s valid, digest matches\n", name);
			}
		} else if (rc == IMAGE_OK) {
			fprintf(stderr, "%-32s expected %s: ACCEPTED\n", name, expected);
			failures++;
		} else {
			fprintf(stderr, "%-32s expected %s: refused: %s\n", name,
				expected, image_strerror(rc));
		}
	}
	/* every MANIFEST line has its vector, and each was run */
	assert_int_equal(checked, manifest_lines());
	assert_int_equal(checked, cJSON_GetArraySize(vectors()));
	assert_int_equal(failures, 0);
}

static const cJSON *vec(const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(vectors(), name);

	assert_non_null(v);
	return v;
}

static void test_facts(void **state)
{
	struct image_facts f;

	(void)state;
	assert_int_equal(run(vec("ecdsa-p256-seccnt-dep"), "ecdsa-p256-seccnt-dep",
			     "image.bin", 0, -1, &f), IMAGE_OK);
	assert_true(f.has_sec_cnt);
	assert_int_equal(f.sec_cnt, 5);
	assert_int_equal(f.ndeps, 1);
	assert_int_equal(f.deps[0].image, 1);
	assert_int_equal(f.deps[0].min.major, 2);
	assert_int_equal(f.key_index, 0);
	assert_int_equal(f.size, 3545); /* file size: the TLV area's end */
	assert_int_equal(f.hdr.version.minor, 3);

	assert_int_equal(run(vec("ecdsa-p256-boot-record"), "ecdsa-p256-boot-record",
			     "image.bin", 0, -1, &f), IMAGE_OK);
	assert_true(f.boot_record_off != 0 && f.boot_record_len > 0);
	assert_false(f.has_sec_cnt);

	/* encrypted, read as if installed (no decryption): the hash fails */
	assert_int_equal(run(vec("ecdsa-p256-enc-ec256"), "ecdsa-p256-enc-ec256",
			     "image.bin", 0, -1, &f), IMAGE_ERR_HASH_MISMATCH);
	/* decrypted: valid, and the ENC TLV is reported */
	assert_int_equal(run(vec("ed25519-enc-x25519"), "ed25519-enc-x25519",
			     "image.bin", 1, -1, &f), IMAGE_OK);
	assert_int_equal(f.enc_tlv_type, 0x33);
	assert_int_equal(f.enc_tlv_len, 80);
}

/* Refusals image_inspect must give too: everything but the cryptography. */
static int structural(int rc)
{
	switch (rc) {
	case IMAGE_ERR_EMPTY: case IMAGE_ERR_BAD_MAGIC: case IMAGE_ERR_HDR_SIZE:
	case IMAGE_ERR_SIZE_PAST_SLOT: case IMAGE_ERR_FLAGS:
	case IMAGE_ERR_PROT_TLV_SIZE: case IMAGE_ERR_TLV_MAGIC:
	case IMAGE_ERR_TLV_AREA_PAST_END: case IMAGE_ERR_TLV_LEN:
	case IMAGE_ERR_SEC_CNT: case IMAGE_ERR_DEPENDENCY:
		return 1;
	default:
		return 0;
	}
}

/*
 * image_inspect on every vector: the facts validation gives for an image it
 * accepts, and the same refusal for every structural fault.
 */
static void test_inspect(void **state)
{
	const cJSON *v;
	int failures = 0, structural_refusals = 0;

	(void)state;
	cJSON_ArrayForEach(v, vectors()) {
		const char *name = v->string;
		struct image_facts fv, fi;
		int rv, ri;

		inspect_only = 0;
		rv = run(v, name, "image.bin", 0, -1, &fv);
		inspect_only = 1;
		ri = run(v, name, "image.bin", 0, -1, &fi);
		inspect_only = 0;
		if (rv == IMAGE_OK || !structural(rv)) {
			if (ri != IMAGE_OK && !(structural(ri) && ri == rv)) {
				fprintf(stderr, "%s: inspect refuses (%s), validate %s\n",
					name, image_strerror(ri), image_strerror(rv));
				failures++;
			}
			if (rv == IMAGE_OK &&
			    (fi.size != fv.size || fi.sec_cnt != fv.sec_cnt ||
			     fi.ndeps != fv.ndeps ||
			     image_version_cmp(&fi.hdr.version, &fv.hdr.version, 1))) {
				fprintf(stderr, "%s: inspect's facts differ\n", name);
				failures++;
			}
		} else if (ri != rv) {
			fprintf(stderr, "%s: validate %s, inspect %s\n", name,
				image_strerror(rv), image_strerror(ri));
			failures++;
		} else {
			structural_refusals++;
		}
	}
	assert_int_equal(failures, 0);
	assert_true(structural_refusals > 0);
}

/* Cross-mode refusals the format doc names. */
static void test_modes(void **state)
{
	struct image_facts f;

	(void)state;
	/* a KEYHASH build refuses an image that carries its full key */
	assert_int_equal(run(vec("ecdsa-p256-full-pubkey"), "ecdsa-p256-full-pubkey",
			     "image.bin", 0, 0, &f), IMAGE_ERR_PUBKEY_NOT_ACCEPTED);
	/* and a hardware-key build refuses a KEYHASH image */
	assert_int_equal(run(vec("ecdsa-p256"), "ecdsa-p256", "image.bin", 0, 1, &f),
			 IMAGE_ERR_KEYHASH_NOT_ACCEPTED);
	/* the untrusted-key vector names its reason */
	assert_int_equal(run(vec("neg-untrusted-key"), "neg-untrusted-key",
			     "image.bin", 0, -1, &f), IMAGE_ERR_UNTRUSTED_KEY);
	assert_int_equal(run(vec("neg-payload-flip"), "neg-payload-flip",
			     "image.bin", 0, -1, &f), IMAGE_ERR_HASH_MISMATCH);
	assert_int_equal(run(vec("neg-tlv-len-past-end"), "neg-tlv-len-past-end",
			     "image.bin", 0, -1, &f), IMAGE_ERR_TLV_LEN);
	/* a download-slot encrypted image with no device key is refused */
	{
		const cJSON *v = vec("ecdsa-p256-enc-ec256");
		cJSON *copy = cJSON_Duplicate(v, 1);

		cJSON_ReplaceItemInObject(copy, "decrypt_key", cJSON_CreateNull());
		assert_int_equal(run(copy, "ecdsa-p256-enc-ec256", "image.bin", 1,
				     -1, &f), IMAGE_ERR_ENCRYPTED);
		/* a device key of the other kind: no ENC TLV it can open */
		cJSON_ReplaceItemInObject(copy, "decrypt_key",
					  cJSON_CreateString("keys/enc-x25519.priv.der"));
		assert_int_equal(run(copy, "ecdsa-p256-enc-ec256", "image.bin", 1,
				     -1, &f), IMAGE_ERR_ENC_KEY);
		cJSON_Delete(copy);
	}
}

static int teardown(void **state)
{
	(void)state;
	cJSON_Delete(L.json);
	free(L.manifest);
	return 0;
}

/* The ECIES tag guards the wrapped key: any flipped byte is refused. */
static void test_ecies_tamper(void **state)
{
	size_t len, klen;
	uint8_t *img = test_read_shared("vectors/imgtool/ed25519-enc-x25519/image.bin", &len);
	uint8_t *priv = test_read_shared("vectors/imgtool/keys/enc-x25519.priv.der", &klen);
	uint8_t tlv[80], key[16];
	const uint8_t want[16] = { 0xea, 0xbd, 0x93, 0xcb, 0x14, 0xba, 0x5b, 0x7a,
				   0x98, 0xd6, 0xfe, 0x60, 0xad, 0x72, 0x08, 0x3d };

	(void)state;
	/* the ENC_X25519 TLV is the last entry of the image */
	memcpy(tlv, img + len - 80, 80);
	assert_int_equal(img[len - 84], 0x33);
	assert_int_equal(crypto_ecies_unwrap(CRYPTO_ECIES_X25519, priv, klen, tlv,
					     80, key, 16), 0);
	assert_memory_equal(key, want, 16); /* vectors.json aes_key */
	for (size_t i = 32; i < 80; i += 7) {
		tlv[i] ^= 0x01;
		assert_int_equal(crypto_ecies_unwrap(CRYPTO_ECIES_X25519, priv, klen,
						     tlv, 80, key, 16), -74 /* EBADMSG */);
		tlv[i] ^= 0x01;
	}
	assert_int_equal(crypto_ecies_unwrap(CRYPTO_ECIES_X25519, priv, klen, tlv,
					     80, key, 32), -22);
	free(img);
	free(priv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_vector),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_inspect),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_ecies_tamper),
	};

	return cmocka_run_group_tests_name("libs/image vectors", tests, setup,
					   teardown);
}
