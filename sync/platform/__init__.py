"""The reference platform: the street's mailbox server as this repository runs it for tests,
benchmarks and small deployments. Open311 GeoReport v2 at /open311/v2/, the resident's tracking
page at /t/, the staff pages at /staff."""
