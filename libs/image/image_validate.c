/* libs/image/image_validate.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/image/image_validate.h"
#include "libs/crypto/crypto_aes.h"
#include "libs/image/image_tlv.h"
#include "libs/util/le.h"

#include <errno.h>
#include <string.h>

/* Largest TLV value read whole: an RSA-3072 key or signature. */
#define TLV_BUF 512
#define READ_CHUNK 1024

uint16_t image_hash_tlv_type(enum crypto_hash_alg alg)
{
	switch (alg) {
	case CRYPTO_HASH_SHA384: return IMAGE_TLV_SHA384;
	case CRYPTO_HASH_SHA512: return IMAGE_TLV_SHA512;
	default: return IMAGE_TLV_SHA256;
	}
}

static uint16_t sig_tlv_type(const struct image_sig_alg *sig)
{
	return sig ? sig->tlv_type : 0;
}

int image_version_cmp(const struct image_version *a,
		      const struct image_version *b, int with_build)
{
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	if (a->minor != b->minor)
		return a->minor < b->minor ? -1 : 1;
	if (a->revision != b->revision)
		return a->revision < b->revision ? -1 : 1;
	if (with_build && a->build != b->build)
		return a->build < b->build ? -1 : 1;
	return 0;
}

/*
 * Hash [0, len) of the slot; the body [body, body_end) is first decrypted
 * when `ctr` is given. The hashed bytes are copied to `copy` when given
 * (pure mode).
 */
static int hash_region(struct mtd_dev *dev, uint32_t len, uint32_t body,
		       uint32_t body_end, struct crypto_aes_ctr *ctr,
		       enum crypto_hash_alg alg, uint8_t *digest, uint8_t *copy)
{
	uint8_t buf[READ_CHUNK];
	struct crypto_hash h;
	int rc = 0;

	if (crypto_hash_start(&h, alg) != 0)
		return IMAGE_ERR_IO;
	for (uint32_t off = 0; off < len && rc == 0;) {
		uint32_t n = len - off < sizeof(buf) ? len - off : sizeof(buf);

		if (mtd_read(dev, off, buf, n) != 0) {
			rc = IMAGE_ERR_IO;
			break;
		}
		if (ctr && off + n > body && off < body_end) {
			uint32_t lo = off > body ? off : body;
			uint32_t hi = off + n < body_end ? off + n : body_end;

			if (crypto_aes_ctr_apply(ctr, buf + (lo - off), hi - lo) != 0)
				rc = IMAGE_ERR_IO;
		}
		if (rc == 0 && crypto_hash_update(&h, buf, n) != 0)
			rc = IMAGE_ERR_IO;
		if (copy)
			memcpy(copy + off, buf, n);
		off += n;
	}
	if (crypto_hash_finish(&h, digest) != 0 && rc == 0)
		rc = IMAGE_ERR_IO;
	return rc;
}

/* Find the ENC TLV `enc` names and recover the body key into a CTR stream. */
static int body_key(struct mtd_dev *dev, const struct image_header *hdr,
		    const struct image_enc_key *enc, struct crypto_aes_ctr *ctr)
{
	uint16_t want = enc->tlv_type ? enc->tlv_type :
			enc->kind == CRYPTO_ECIES_P256 ? IMAGE_TLV_ENC_EC256
						       : IMAGE_TLV_ENC_X25519;
	size_t key_len = (hdr->flags & IMAGE_F_ENCRYPTED_AES256) ? 32 : 16;
	struct image_tlv_iter it;
	struct image_tlv t;
	uint8_t v[160], key[32];
	int rc = image_tlv_init(&it, dev, hdr);

	if (rc != 0)
		return rc;
	while ((rc = image_tlv_next(&it, &t)) == 1) {
		if (t.protected_ || t.type != want)
			continue;
		if (t.len > sizeof(v))
			return IMAGE_ERR_ENC_KEY;
		if (mtd_read(dev, t.off, v, t.len) != 0)
			return IMAGE_ERR_IO;
		if (enc->unwrap == NULL ||
		    enc->unwrap(enc->kind, enc->der, enc->len, v, t.len, key,
				key_len) != 0)
			return IMAGE_ERR_ENC_KEY;
		rc = crypto_aes_ctr_start(ctr, key, key_len);
		memset(key, 0, sizeof(key));
		return rc == 0 ? 0 : IMAGE_ERR_IO;
	}
	return rc < 0 ? rc : IMAGE_ERR_ENC_KEY;
}

/* The trusted key whose encoding hashes to `value`, or -1. */
static int find_key(const struct image_policy *pol, const uint8_t *value,
		    size_t len)
{
	uint8_t h[CRYPTO_HASH_MAX_SIZE];

	for (unsigned int i = 0; i < pol->nkeys; i++) {
		if (crypto_hash_buf(pol->hash, pol->keys[i].der, pol->keys[i].len,
				h) != 0)
			continue;
		if (crypto_memcmp_ct(h, value, len) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * The signature over the image; `*v` is the verdict of the verifier's own
 * result (fih.h), not of the branch taken on it.
 */
static int verify_sig(struct fih_verdict *v, const struct image_policy *pol,
		      const struct image_key *key,
		      const struct image_facts *f, const uint8_t *sig,
		      size_t sig_len, uint32_t region_len)
{
	int rc;

	rc = pol->pure ? pol->sig->verify(key, pol->pure_buf, region_len,
					      sig, sig_len)
			   : pol->sig->verify(key, f->digest, f->digest_len,
					      sig, sig_len);

	if (rc == -ENOMEM)
		return IMAGE_ERR_CRYPTO_MEMORY;
	*v = fih_verdict_of(rc);
	return rc == 0 ? IMAGE_OK : IMAGE_ERR_BAD_SIGNATURE;
}

/*
 * What the TLV walk found. The hash and the signature are verdicts
 * (fih.h) computed from the comparison's and the verifier's results
 * themselves: a skipped branch after them leaves them failed.
 */
struct walk {
	struct fih_verdict hash, sig;
	int pure_tlv, sig_seen, key_seen, key_rejected;
	int key; /* selected by the preceding key TLV, or -1 */
};

static int protected_tlv(const struct image_tlv *t, const uint8_t *v,
			 struct image_facts *f)
{
	switch (t->type) {
	case IMAGE_TLV_SEC_CNT:
		if (t->len != 4)
			return IMAGE_ERR_SEC_CNT;
		f->has_sec_cnt = 1;
		f->sec_cnt = get_le32(v);
		return 0;
	case IMAGE_TLV_DEPENDENCY:
		if (t->len != 12 || f->ndeps == IMAGE_MAX_DEPENDENCIES)
			return IMAGE_ERR_DEPENDENCY;
		f->deps[f->ndeps].image = v[0];
		f->deps[f->ndeps].min.major = v[4];
		f->deps[f->ndeps].min.minor = v[5];
		f->deps[f->ndeps].min.revision = get_le16(v + 6);
		f->deps[f->ndeps].min.build = get_le32(v + 8);
		f->ndeps++;
		return 0;
	case IMAGE_TLV_BOOT_RECORD:
		f->boot_record_off = t->off;
		f->boot_record_len = t->len;
		return 0;
	default:
		return 0; /* covered by the hash; not ours to interpret */
	}
}

static int unprotected_tlv(const struct image_policy *pol,
			   const struct image_tlv *t, const uint8_t *v,
			   struct image_facts *f, struct walk *w,
			   uint32_t region_len)
{
	int rc;

	if (t->type == image_hash_tlv_type(pol->hash) && !pol->pure) {
		if (t->len != f->digest_len)
			return IMAGE_ERR_HASH_LEN;
		rc = crypto_memcmp_ct(v, f->digest, f->digest_len);
		w->hash = fih_verdict_of(rc);
		if (FIH_DECIDE(FIH_D_IMAGE_HASH_MATCH, rc != 0))
			return IMAGE_ERR_HASH_MISMATCH;
	} else if (t->type == IMAGE_TLV_SIG_PURE) {
		w->pure_tlv = t->len == 1 && v[0] == 1;
	} else if (t->type == IMAGE_TLV_KEYHASH) {
		w->key_seen = 1;
		if (pol->hw_key)
			return IMAGE_ERR_KEYHASH_NOT_ACCEPTED;
		if (t->len != crypto_hash_size(pol->hash))
			return IMAGE_ERR_KEYHASH_LEN;
		w->key = find_key(pol, v, t->len);
	} else if (t->type == IMAGE_TLV_PUBKEY) {
		uint8_t h[CRYPTO_HASH_MAX_SIZE];

		w->key_seen = 1;
		if (!pol->hw_key) {
			w->key_rejected = 1;
			return 0;
		}
		if (crypto_hash_buf(pol->hash, v, t->len, h) != 0)
			return IMAGE_ERR_IO;
		w->key = find_key(pol, h, crypto_hash_size(pol->hash));
	} else if (pol->sig != NULL && t->type == sig_tlv_type(pol->sig)) {
		w->sig_seen = 1;
		if (w->key >= 0) {
			rc = verify_sig(&w->sig, pol, &pol->keys[w->key], f, v,
					t->len, region_len);
			if (FIH_DECIDE(FIH_D_IMAGE_SIG_VERIFY, rc != IMAGE_OK))
				return rc;
			f->key_index = w->key;
		}
		w->key = -1; /* a key names the one signature after it */
	} else if (t->type >= IMAGE_TLV_ENC_RSA2048 &&
		   t->type <= IMAGE_TLV_ENC_X25519_SHA512) {
		f->enc_tlv_type = t->type;
		f->enc_tlv_off = t->off;
		f->enc_tlv_len = t->len;
	}
	return 0;
}

/*
 * A wanted TLV longer than anything this file interprets: a protected
 * extra is skipped (the hash covers it), one of our own types is refused
 * with the reason its length gives.
 */
static int long_tlv(const struct image_policy *pol, const struct image_tlv *t,
		    struct image_facts *f)
{
	if (t->protected_) {
		if (t->type == IMAGE_TLV_SEC_CNT)
			return IMAGE_ERR_SEC_CNT;
		if (t->type == IMAGE_TLV_DEPENDENCY)
			return IMAGE_ERR_DEPENDENCY;
		if (t->type == IMAGE_TLV_BOOT_RECORD) {
			f->boot_record_off = t->off;
			f->boot_record_len = t->len;
		}
		return 0;
	}
	if (t->type == IMAGE_TLV_KEYHASH)
		return pol->hw_key ? IMAGE_ERR_KEYHASH_NOT_ACCEPTED
				   : IMAGE_ERR_KEYHASH_LEN;
	if (t->type == image_hash_tlv_type(pol->hash) && !pol->pure)
		return IMAGE_ERR_HASH_LEN;
	if (t->type == IMAGE_TLV_PUBKEY)
		return pol->hw_key ? IMAGE_ERR_UNTRUSTED_KEY
				   : IMAGE_ERR_PUBKEY_NOT_ACCEPTED;
	if (t->type == IMAGE_TLV_SIG_PURE)
		return IMAGE_ERR_PURE_MISMATCH;
	return IMAGE_ERR_BAD_SIGNATURE;
}

/*
 * The header's checks and the TLV area's bounds, shared by validation and
 * inspection: facts zeroed, then header and size filled in.
 */
static int image_layout(struct mtd_dev *dev, struct image_facts *f,
			struct image_tlv_iter *it)
{
	uint8_t raw[IMAGE_HEADER_ENCODED_SIZE];
	int rc;

	memset(f, 0, sizeof(*f));
	f->key_index = -1;
	if (mtd_read(dev, 0, raw, sizeof(raw)) != 0)
		return IMAGE_ERR_IO;
	image_header_decode(&f->hdr, raw);
	rc = image_header_check(&f->hdr, raw, dev->geo->size,
				dev->geo->erased_value);
	if (rc != IMAGE_OK)
		return rc;
	if ((f->hdr.flags & IMAGE_F_ENCRYPTED_AES128) &&
	    (f->hdr.flags & IMAGE_F_ENCRYPTED_AES256))
		return IMAGE_ERR_FLAGS;
	rc = image_tlv_init(it, dev, &f->hdr);
	if (rc != 0)
		return rc;
	f->size = image_tlv_area_end(it);
	return IMAGE_OK;
}

/*
 * The outcome, once every check has passed one at a time: what the policy
 * asks for (the hash unless pure, the signature when there is one)
 * combined as words, checked, and checked again; it becomes the facts'
 * verdict, which the engine requires beside IMAGE_OK.
 */
static int image_verdict(const struct image_policy *pol, const struct walk *w,
			 struct image_facts *f)
{
	struct fih_verdict none = fih_verdict_of(0);
	struct fih_verdict v = fih_both(pol->pure ? none : w->hash,
					pol->sig != NULL ? w->sig : none);

	if (!FIH_DECIDE(FIH_D_IMAGE_VERDICT, fih_passed(&v)))
		return pol->pure || fih_passed(&w->hash) ? IMAGE_ERR_BAD_SIGNATURE
							 : IMAGE_ERR_HASH_MISMATCH;
	if (!FIH_DECIDE(FIH_D_IMAGE_VERDICT_AGAIN, fih_passed(&v)))
		return IMAGE_ERR_BAD_SIGNATURE;
	f->verdict = v;
	return IMAGE_OK;
}

int image_validate(struct mtd_dev *dev, const struct image_policy *pol,
		   struct image_facts *f)
{
	uint8_t v[TLV_BUF];
	struct image_tlv_iter it;
	struct image_tlv t;
	struct walk w = { .hash = fih_failed(), .sig = fih_failed(), .key = -1 };
	struct crypto_aes_ctr ctr;
	uint32_t region;
	int rc;

	f->verdict = fih_failed();
	rc = image_layout(dev, f, &it);
	if (rc != IMAGE_OK)
		return rc;
	region = f->hdr.hdr_size + f->hdr.img_size + f->hdr.protect_tlv_size;
	if (pol->pure && (pol->pure_buf == NULL || pol->pure_buf_len < region))
		return IMAGE_ERR_PURE_BUFFER;
	f->digest_len = crypto_hash_size(pol->hash);
	if (pol->encrypted_body &&
	    (f->hdr.flags & (IMAGE_F_ENCRYPTED_AES128 | IMAGE_F_ENCRYPTED_AES256))) {
		if (pol->enc_key == NULL)
			return IMAGE_ERR_ENCRYPTED;
		rc = body_key(dev, &f->hdr, pol->enc_key, &ctr);
		if (rc != 0)
			return rc;
		rc = hash_region(dev, region, f->hdr.hdr_size,
				 f->hdr.hdr_size + f->hdr.img_size, &ctr,
				 pol->hash, f->digest,
				 pol->pure ? pol->pure_buf : NULL);
		crypto_aes_ctr_end(&ctr);
	} else {
		rc = hash_region(dev, region, 0, 0, NULL, pol->hash, f->digest,
				 pol->pure ? pol->pure_buf : NULL);
	}
	if (rc != 0)
		return rc;

	while ((rc = image_tlv_next(&it, &t)) == 1) {
		const int wanted = t.protected_ ||
			t.type == IMAGE_TLV_KEYHASH || t.type == IMAGE_TLV_PUBKEY ||
			t.type == IMAGE_TLV_SIG_PURE ||
			t.type == image_hash_tlv_type(pol->hash) ||
			t.type == sig_tlv_type(pol->sig) ||
			(t.type >= IMAGE_TLV_ENC_RSA2048 &&
			 t.type <= IMAGE_TLV_ENC_X25519_SHA512);

		if (!wanted)
			continue;
		if (t.len > sizeof(v)) {
			rc = long_tlv(pol, &t, f);
			if (rc != 0)
				return rc;
			continue;
		}
		if (mtd_read(dev, t.off, v, t.len) != 0)
			return IMAGE_ERR_IO;
		rc = t.protected_ ? protected_tlv(&t, v, f)
				  : unprotected_tlv(pol, &t, v, f, &w, region);
		if (rc != 0)
			return rc;
	}
	if (rc < 0)
		return rc;

	if (pol->pure != w.pure_tlv)
		return IMAGE_ERR_PURE_MISMATCH;
	if (!pol->pure && !FIH_DECIDE(FIH_D_IMAGE_HASH, fih_passed(&w.hash)))
		return IMAGE_ERR_NO_HASH;
	if (pol->sig != NULL && !FIH_DECIDE(FIH_D_IMAGE_SIG, fih_passed(&w.sig))) {
		if (w.key_rejected)
			return IMAGE_ERR_PUBKEY_NOT_ACCEPTED;
		if (w.sig_seen && w.key_seen)
			return IMAGE_ERR_UNTRUSTED_KEY;
		return IMAGE_ERR_NO_SIGNATURE;
	}
	return image_verdict(pol, &w, f);
}

int image_inspect(struct mtd_dev *dev, struct image_facts *f)
{
	uint8_t v[TLV_BUF];
	struct image_tlv_iter it;
	struct image_tlv t;
	int rc;

	f->verdict = fih_failed(); /* inspected, not validated */
	rc = image_layout(dev, f, &it);
	if (rc != IMAGE_OK)
		return rc;
	while ((rc = image_tlv_next(&it, &t)) == 1) {
		if (!t.protected_)
			continue;
		if (t.len > sizeof(v)) {
			if (t.type == IMAGE_TLV_SEC_CNT)
				return IMAGE_ERR_SEC_CNT;
			if (t.type == IMAGE_TLV_DEPENDENCY)
				return IMAGE_ERR_DEPENDENCY;
			continue;
		}
		if (mtd_read(dev, t.off, v, t.len) != 0)
			return IMAGE_ERR_IO;
		rc = protected_tlv(&t, v, f);
		if (rc != 0)
			return rc;
	}
	return rc < 0 ? rc : IMAGE_OK;
}
