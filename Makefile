# The two commands of the README. Everything they need installs itself on first use.
.PHONY: run test setup

run:
	@scripts/setup.sh run
	@scripts/run.sh

test:
	@scripts/setup.sh test
	@scripts/test.sh
