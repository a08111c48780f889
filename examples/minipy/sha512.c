/* sha512.c -- SHA-512 (FIPS 180-4), for random.seed of a str/bytes, which
 * CPython seeds from the bytes followed by their SHA-512 digest.  The round
 * constants and the initial hash are, by definition, the first 64 bits of
 * the fractional parts of the cube roots of the first 80 primes and of the
 * square roots of the first 8: they are computed here (exact integer roots
 * with GMP) instead of being copied as 88 hexadecimal literals. */
#include <string.h>
#include <stdint.h>
#include <gmp.h>
#include "object.h"

static uint64_t K[80], H0[8];
static int ready;

/* floor(frac(p^(1/k)) * 2^64): the low 64 bits of floor(root(p * 2^(64k))). */
static uint64_t frac_root(unsigned p, int k)
{
    mpz_t z;
    mpz_init_set_ui(z, p);
    mpz_mul_2exp(z, z, 64 * k);
    mpz_root(z, z, k);
    mpz_fdiv_r_2exp(z, z, 64);
    uint64_t out[2] = { 0, 0 };
    size_t cnt = 0;
    mpz_export(out, &cnt, -1, 8, 0, 0, z);
    mpz_clear(z);
    return out[0];
}

static void init(void)
{
    unsigned n = 0;
    for (unsigned p = 2; n < 80; p++) {
        int prime = 1;
        for (unsigned d = 2; d * d <= p; d++) if (p % d == 0) { prime = 0; break; }
        if (!prime) continue;
        if (n < 8) H0[n] = frac_root(p, 2);
        K[n++] = frac_root(p, 3);
    }
    ready = 1;
}

#define ROR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void block(uint64_t h[8], const unsigned char *b)
{
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++) v = (v << 8) | b[i * 8 + j];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR(w[i - 15], 1) ^ ROR(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR(w[i - 2], 19) ^ ROR(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ROR(e, 14) ^ ROR(e, 18) ^ ROR(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + K[i] + w[i];
        uint64_t S0 = ROR(a, 28) ^ ROR(a, 34) ^ ROR(a, 39);
        uint64_t maj = (a & bb) ^ (a & c) ^ (bb & c);
        uint64_t t2 = S0 + maj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = bb; bb = a; a = t1 + t2;
    }
    h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void mp_sha512(const unsigned char *data, size_t n, unsigned char out[64])
{
    if (!ready) init();
    uint64_t h[8];
    memcpy(h, H0, sizeof h);
    size_t i = 0;
    for (; i + 128 <= n; i += 128) block(h, data + i);
    unsigned char last[256];
    size_t rest = n - i;
    memset(last, 0, sizeof last);
    memcpy(last, data + i, rest);
    last[rest] = 0x80;
    size_t total = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)n * 8;   /* the high 64 bits of the length are 0 */
    for (int j = 0; j < 8; j++) last[total - 1 - j] = (unsigned char)(bits >> (8 * j));
    block(h, last);
    if (total == 256) block(h, last + 128);
    for (int j = 0; j < 8; j++)
        for (int k = 0; k < 8; k++) out[j * 8 + k] = (unsigned char)(h[j] >> (56 - 8 * k));
}
