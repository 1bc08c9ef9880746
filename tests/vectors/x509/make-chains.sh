#!/bin/sh
# Regenerates the certificate chains under chains/ for tests/X509.Nano.Tests/X509ChainValidatorTests.cs (RFC 5280 §6.1 subset).
# Tests never run OpenSSL: they read the committed PEM files. Rerunning this script makes new keys and
# signatures (and random serials) but the same names, extensions and validity dates, which the tests rely on.
# Needs OpenSSL 3.x (`openssl ca` with -startdate/-enddate; `openssl x509 -not_before` only exists from 3.4).
# Every certificate is P-256 with ecdsa-with-SHA256 except the two unsupported-algorithm cases. Private keys stay in a temporary folder and are discarded.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/chains"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/new"
rm -f "$out"/*.pem

cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = fixture

[ fixture ]
database = $work/index.txt
new_certs_dir = $work/new
rand_serial = yes
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
preserve = yes
copy_extensions = none

[ policy_any ]
organizationName = optional
commonName = supplied
CNF

cat > "$work/ext.cnf" <<'CNF'
[ root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ root_pathlen0 ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ ca_pathlen0 ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ ca_no_certsign ]
basicConstraints = critical, CA:true
keyUsage = critical, digitalSignature, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ ca_explicit_false ]
2.5.29.19 = critical, DER:3003010100
keyUsage = critical, keyCertSign, cRLSign

[ leaf ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ leaf_no_digital_signature ]
basicConstraints = critical, CA:false
keyUsage = critical, keyAgreement
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ leaf_critical_unknown ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
1.3.6.1.4.1.55555.1 = critical, DER:0500

[ leaf_critical_san ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
subjectAltName = critical, URI:sip:alice@example.com

[ leaf_noncritical_unknown ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
1.3.6.1.4.1.55555.1 = DER:0500
CNF

# make NAME SUBJECT-CN ISSUER|self NOT-BEFORE NOT-AFTER EXTENSION-SECTION [DIGEST [CURVE]]
# Times: YYMMDDHHMMSSZ (UTCTime, 1950..2049) or YYYYMMDDHHMMSSZ (GeneralizedTime, 2050 on; RFC 5280 §4.1.2.5).
make() {
    name=$1 cn=$2 issuer=$3 start=$4 end=$5 ext=$6 md=${7:-sha256} curve=${8:-P-256}
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:"$curve" -out "$work/$name.key"
    openssl req -new -key "$work/$name.key" -subj "/O=nanoMikey test/CN=$cn" -out "$work/$name.csr"
    : > "$work/index.txt"
    if [ "$issuer" = self ]; then
        set -- -selfsign -keyfile "$work/$name.key"
    else
        set -- -cert "$out/$issuer.pem" -keyfile "$work/$issuer.key"
    fi
    openssl ca -batch -notext -config "$work/ca.cnf" "$@" -in "$work/$name.csr" -out "$out/$name.pem" \
        -startdate "$start" -enddate "$end" -md "$md" -extfile "$work/ext.cnf" -extensions "$ext" 2>/dev/null
}

# Trust anchors. root-impostor has root's name and another key; root-pathlen0 allows no intermediate.
make root            "Root CA"         self 240101000000Z 20591231235959Z root
make other-root      "Other Root CA"   self 240101000000Z 20591231235959Z root
make root-impostor   "Root CA"         self 240101000000Z 20591231235959Z root
make root-pathlen0   "PathLen0 Root CA" self 240101000000Z 20591231235959Z root_pathlen0

# The valid chain root <- intermediate <- leaf. The leaf's bounds are the boundary-second tests.
make intermediate    "Intermediate CA" root 250101000000Z 20550101000000Z ca
make leaf            "Leaf"            intermediate 250601123456Z 270601123456Z leaf
# Past the NTP era-0 wrap (2036-02-07T06:28:16Z) and into GeneralizedTime: notAfter 2050-01-01T00:00:00Z.
make leaf-2050       "Leaf 2050"       intermediate 360301000000Z 20500101000000Z leaf

# Each rule broken once.
make leaf-under-ee   "Leaf under EE"   leaf 250601123456Z 270601123456Z leaf
make expired-intermediate "Expired Intermediate CA" root 250101000000Z 251231235959Z ca
make leaf-under-expired "Leaf under expired" expired-intermediate 250601123456Z 270601123456Z leaf
make pathlen0-intermediate "PathLen0 CA" root 250101000000Z 20550101000000Z ca_pathlen0
make leaf-under-pathlen0 "Leaf under PathLen0" pathlen0-intermediate 250601123456Z 270601123456Z leaf
make sub-intermediate "Sub CA"         pathlen0-intermediate 250101000000Z 20550101000000Z ca
make leaf-under-sub  "Leaf under Sub"  sub-intermediate 250601123456Z 270601123456Z leaf
make intermediate-under-pathlen0-root "Intermediate under PathLen0 Root" root-pathlen0 250101000000Z 20550101000000Z ca
make leaf-under-pathlen0-root "Leaf under PathLen0 Root" intermediate-under-pathlen0-root 250601123456Z 270601123456Z leaf
make no-certsign-intermediate "No CertSign CA" root 250101000000Z 20550101000000Z ca_no_certsign
make leaf-under-no-certsign "Leaf under No CertSign" no-certsign-intermediate 250601123456Z 270601123456Z leaf
make leaf-no-digital-signature "Leaf without digitalSignature" intermediate 250601123456Z 270601123456Z leaf_no_digital_signature
make leaf-critical-unknown "Leaf with critical unknown" intermediate 250601123456Z 270601123456Z leaf_critical_unknown
make leaf-critical-san "Leaf with critical subjectAltName" intermediate 250601123456Z 270601123456Z leaf_critical_san
make leaf-noncritical-unknown "Leaf with non-critical unknown" intermediate 250601123456Z 270601123456Z leaf_noncritical_unknown

# basicConstraints with cA FALSE encoded (DER forbids encoding a DEFAULT, X.690 §11.5): Malformed.
make bad-constraints-intermediate "Bad Constraints CA" root 250101000000Z 20550101000000Z ca_explicit_false
make leaf-under-bad-constraints "Leaf under Bad Constraints" bad-constraints-intermediate 250601123456Z 270601123456Z leaf
# Algorithms the validator cannot verify yet: a P-384 issuer key; an ecdsa-with-SHA384 signature.
make p384-intermediate "P-384 CA"      root 250101000000Z 20550101000000Z ca sha256 P-384
make leaf-under-p384 "Leaf under P-384" p384-intermediate 250601123456Z 270601123456Z leaf
make leaf-sha384     "Leaf SHA-384"    intermediate 250601123456Z 270601123456Z leaf sha384

# Depth: root <- intermediate <- deep-2 <- deep-3 <- leaf-deep (four certificates below the anchor).
make deep-2          "Deep CA 2"       intermediate 250101000000Z 20550101000000Z ca
make deep-3          "Deep CA 3"       deep-2 250101000000Z 20550101000000Z ca
make leaf-deep       "Leaf Deep"       deep-3 250601123456Z 270601123456Z leaf

ls "$out"
