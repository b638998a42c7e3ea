#!/bin/sh
# Made the test-only certificates beside this script (valid 100 years; never use them outside tests):
# a CA, a server certificate for 127.0.0.1 and a client certificate it signed, PKCS#12 stores for Java clients
# (password weft-test), and another CA whose trust store trusts none of them.
set -e
PW=weft-test
ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
ec ca.key
openssl req -x509 -new -key ca.key -sha256 -days 36500 -subj "/CN=weft test CA" -out ca.crt \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
for name in server client; do
  ec $name.key
  openssl req -new -key $name.key -subj "/CN=$name" -out $name.csr
done
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 36500 -sha256 -out server.crt \
  -extfile /dev/stdin <<EXT
subjectAltName=IP:127.0.0.1
extendedKeyUsage=serverAuth
EXT
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 36500 -sha256 -out client.crt \
  -extfile /dev/stdin <<EXT
extendedKeyUsage=clientAuth
EXT
openssl pkcs12 -export -inkey client.key -in client.crt -certfile ca.crt -name client -passout pass:$PW -out client.p12
keytool -importcert -noprompt -storetype PKCS12 -keystore trust.p12 -storepass $PW -alias ca -file ca.crt
ec other-ca.key
openssl req -x509 -new -key other-ca.key -sha256 -days 36500 -subj "/CN=some other CA" -out other-ca.crt
keytool -importcert -noprompt -storetype PKCS12 -keystore other-trust.p12 -storepass $PW -alias ca -file other-ca.crt
rm -f ca.key other-ca.key other-ca.crt client.key client.crt ./*.csr ca.srl
