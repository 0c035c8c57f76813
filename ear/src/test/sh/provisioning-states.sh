#!/usr/bin/env bash
# Proves that provisioning the WildFly under ear/target holds whatever state its directory is in:
# for each state (built twice, unpack marker gone, standalone.xml gone, MySQL module gone, the
# server or its whole folder gone) it builds the package phase again and checks that the build
# passes and the server has the datasource and the driver module. Not part of ./mvnw verify (it
# builds six times); run it after changing ear/pom.xml or configure.cli:
#   ear/src/test/sh/provisioning-states.sh          the test server (ear/target/server)
#   ear/src/test/sh/provisioning-states.sh -Prun    the run server (ear/target/run-server); the
#                                                   package phase only, nothing starts
# Set MVN to wrap Maven, e.g. MVN="flock /tmp/mvn.lock ./mvnw -o" on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

server=ear/target/server
[[ " $* " == *" -Prun "* ]] && server=ear/target/run-server
version=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
home=$server/wildfly-$version
mvn=${MVN:-./mvnw}
log=$(mktemp)
failed=0

build() {
    $mvn -B -q package -DskipTests "$@" >"$log" 2>&1
}

check() {
    local state=$1
    shift
    if build "$@" && grep -q 'jndi-name="java:jboss/datasources/CloudmarketDS"' "$home/standalone/configuration/standalone.xml" \
        && grep -q '<driver name="mysql" module="com.mysql">' "$home/standalone/configuration/standalone.xml" \
        && [ -f "$home/modules/com/mysql/main/module.xml" ] && [ -f "$home/modules/com/mysql/main/mysql-connector-j.jar" ]; then
        echo "ok   $state"
    else
        echo "FAIL $state"
        grep -E 'ERROR|already exists|Failed' "$log" | head -5
        failed=1
    fi
}

build "$@" || { echo "the first build fails:"; tail -20 "$log"; exit 1; }
check "built again, nothing changed" "$@"
rm -rf "$home/.unpacked" "$server/.markers"
check "unpacked again over the server (markers gone)" "$@"
rm -f "$home/standalone/configuration/standalone.xml"
check "standalone.xml gone" "$@"
rm -rf "$home/modules/com/mysql"
check "the MySQL module gone" "$@"
rm -rf "$home"
check "the server gone" "$@"
rm -rf "$server"
check "the whole server folder gone" "$@"
rm -f "$log"
exit $failed
