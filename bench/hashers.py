"""How long one login's password check takes with each of Django's hashers, on this machine.

    uv run --frozen python -m bench.hashers [--rounds 5]

Prints the median time to hash a password (a sign-up, a change) and to check it (a login)
with PBKDF2-SHA256 (Django's default) and Argon2id (Django's parameters).
"""

import argparse
import os
import statistics
import time
from functools import partial

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alasso.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher  # noqa: E402


def median_ms(func, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    password = "correct horse battery staple"
    for hasher in (PBKDF2PasswordHasher(), Argon2PasswordHasher()):
        encoded = hasher.encode(password, hasher.salt())
        hash_ms = median_ms(partial(hasher.encode, password, hasher.salt()), rounds)
        check_ms = median_ms(partial(hasher.verify, password, encoded), rounds)
        parameters = (
            f"{hasher.iterations} iterations"
            if hasattr(hasher, "iterations")
            else f"t={hasher.time_cost}, m={hasher.memory_cost} KiB, p={hasher.parallelism}"
        )
        print(
            f"{hasher.algorithm:15} {parameters:32} "
            f"hash {hash_ms:7.1f} ms  check {check_ms:7.1f} ms"
        )


if __name__ == "__main__":
    main()
