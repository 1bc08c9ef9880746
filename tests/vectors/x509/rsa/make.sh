#!/bin/sh
# Regenerates the RSA fixtures of tests/Rsa.Nano.Tests (Encoding/, Certificates/) and tests/X509.Nano.Tests (RSA cases).
# Tests never run OpenSSL: they read the committed DER files. Rerunning makes new keys, signatures and serials but the
# same names, extensions and validity dates, which the tests rely on. Needs OpenSSL 3.x.
#
# Keys (test keys only, never use them for anything else):
#   rsa2048 / rsa3072: .pkcs8.der (PrivateKeyInfo, RFC 5208), .pkcs1.der (RSAPrivateKey, RFC 8017 A.1.2),
#   .spki.der (SubjectPublicKeyInfo, RFC 5280), .pkcs1pub.der (RSAPublicKey, RFC 8017 A.1.1).
#   rsa3072 is the key of rsa-root, rsa2048 the key of rsa-leaf; every other private key is discarded.
# Certificates (.der), all sha256WithRSAEncryption unless named otherwise:
#   rsa-root (self-signed, 3072) <- rsa-intermediate (2048) <- rsa-leaf (2048); rsa-leaf-expired (notAfter 2025-12-31);
#   rsa-root-impostor: rsa-root's name with another key; rsa-leaf-sha1: sha1WithRSAEncryption (refused by policy).
#   pss-root (self-signed, RSASSA-PSS SHA-256/MGF1-SHA-256/salt 32) <- pss-leaf (the same PSS parameters);
#   pss-leaf-mgf1-sha1 (PSS with SHA-256 but MGF1-SHA-1: a hash mismatch the validator refuses).
#   Mixed: rsa-intermediate <- ec-leaf-under-rsa (P-256 key, RSA signature); ec-root (P-256, self-signed) <-
#   rsa-leaf-under-ec (RSA 2048 key, ecdsa-with-SHA256 signature).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/new"
rm -f "$here"/*.der

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

[ ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ leaf ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF

# Key formats of one RSA key.
key() {
    name=$1 bits=$2
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:"$bits" -out "$work/$name.key" 2>/dev/null
    openssl pkcs8 -topk8 -nocrypt -in "$work/$name.key" -outform DER -out "$here/$name.pkcs8.der"
    openssl rsa -in "$work/$name.key" -traditional -outform DER -out "$here/$name.pkcs1.der" 2>/dev/null
    openssl pkey -in "$work/$name.key" -pubout -outform DER -out "$here/$name.spki.der"
    openssl rsa -in "$work/$name.key" -RSAPublicKey_out -outform DER -out "$here/$name.pkcs1pub.der" 2>/dev/null
}

# make NAME SUBJECT-CN ISSUER|self NOT-BEFORE NOT-AFTER EXTENSION-SECTION KEY [SIGOPT...]
# KEY: rsa:BITS (new key), ec (new P-256 key) or file:NAME (the key fixture NAME).
make() {
    name=$1 cn=$2 issuer=$3 start=$4 end=$5 ext=$6 keyspec=$7
    shift 7
    case "$keyspec" in
        rsa:*) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:"${keyspec#rsa:}" -out "$work/$name.key" 2>/dev/null ;;
        ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$name.key" ;;
        file:*) cp "$work/${keyspec#file:}.key" "$work/$name.key" ;;
    esac
    openssl req -new -key "$work/$name.key" -subj "/O=nanoMikey test/CN=$cn" -out "$work/$name.csr"
    : > "$work/index.txt"
    sigopts=""
    for o in "$@"; do sigopts="$sigopts -sigopt $o"; done
    if [ "$issuer" = self ]; then
        signer="-selfsign -keyfile $work/$name.key"
    else
        signer="-cert $work/$issuer.pem -keyfile $work/$issuer.key"
    fi
    # shellcheck disable=SC2086
    openssl ca -batch -notext -config "$work/ca.cnf" $signer $sigopts -in "$work/$name.csr" -out "$work/$name.pem" \
        -startdate "$start" -enddate "$end" -md "${MD:-sha256}" -extfile "$work/ext.cnf" -extensions "$ext" 2>/dev/null
    openssl x509 -in "$work/$name.pem" -outform DER -out "$here/$name.der"
}

PSS="rsa_padding_mode:pss rsa_pss_saltlen:32 rsa_mgf1_md:sha256"

key rsa2048 2048
key rsa3072 3072

# shellcheck disable=SC2086
{
make rsa-root          "RSA Root CA"         self 240101000000Z 20591231235959Z root file:rsa3072
make rsa-root-impostor "RSA Root CA"         self 240101000000Z 20591231235959Z root rsa:3072
make rsa-intermediate  "RSA Intermediate CA" rsa-root 250101000000Z 20550101000000Z ca rsa:2048
make rsa-leaf          "RSA Leaf"            rsa-intermediate 250601123456Z 270601123456Z leaf file:rsa2048
make rsa-leaf-expired  "RSA Leaf Expired"    rsa-intermediate 250101000000Z 251231235959Z leaf rsa:2048
MD=sha1; make rsa-leaf-sha1 "RSA Leaf SHA-1"    rsa-intermediate 250601123456Z 270601123456Z leaf rsa:2048; MD=sha256

make pss-root          "PSS Root CA"         self 240101000000Z 20591231235959Z root rsa:2048 $PSS
make pss-leaf          "PSS Leaf"            pss-root 250601123456Z 270601123456Z leaf rsa:2048 $PSS
make pss-leaf-mgf1-sha1 "PSS Leaf MGF1-SHA1" pss-root 250601123456Z 270601123456Z leaf rsa:2048 rsa_padding_mode:pss rsa_pss_saltlen:32 rsa_mgf1_md:sha1

make ec-leaf-under-rsa "EC Leaf under RSA"   rsa-intermediate 250601123456Z 270601123456Z leaf ec
make ec-root           "EC Root CA"          self 240101000000Z 20591231235959Z root ec
make rsa-leaf-under-ec "RSA Leaf under EC"   ec-root 250601123456Z 270601123456Z leaf rsa:2048
}

ls "$here"
