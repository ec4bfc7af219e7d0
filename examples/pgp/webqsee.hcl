# Secrets encrypted to each member's PGP key: the state and the outputs hold
# only the encrypted secret for them, which the member decrypts themselves.
# pgp_key is the base64 of the *binary* public key: `gpg --export KEYID | base64 -w0`
# (an ASCII-armored "-----BEGIN PGP PUBLIC KEY BLOCK-----" is refused), or
# `keybase:USERNAME`. Carol has none, so her secret is output in plain text.

output_dir = "modules/pgp"

bucket "acme-webqsee-pgp" {
  region = "eu-central-1"
}

user "alice" {
  # Alice Example <alice@example.com>, RSA 2048, fingerprint
  # 9D74 DD0D E637 C283 22CF  11B8 EA0B AF24 F207 EE85.
  pgp_key = "mQENBGsRayQBCADToLHQF+1/sxjtyycndLTRZ6pJmuYu/rqSeOqquU+OnPE3q56MDS1zfa6EPAIwLZ/0O4ZsJz8dp90C7AIRZQUC0am1UfvQK9RQnMGcoFCAhG/7ADSnyrxyQlcx+NX+303GiZSF4N252xHmUkmps3lxE0nR8x6obvO774t0n5HXcWzHpwdCa5HvM+IjLS9Ul583YFe7KlMXn8svNxA6HgRAETXnevj14J123LNQ7ZEuSoLPJY+TQoRjMixfBIzqt01A6hJm6EzT0wdBZlu6V+yIuLnafHgm6vQXZXYQ30FBWQXyTNZLScHgvz93cXUhvVUBq5MfD+F3UqGD9QAPpJWbABEBAAG0IUFsaWNlIEV4YW1wbGUgPGFsaWNlQGV4YW1wbGUuY29tPokBTgQTAQoAOBYhBJ103Q3mN8KDIs8RuOoLryTyB+6FBQJrEWskAhsNBQsJCAcCBhUKCQgLAgQWAgMBAh4BAheAAAoJEOoLryTyB+6FQUsH/RiDnwRsBHBXdDGHWkNaTl3j+F72l67bFgm1DTgLOrPOc1aSo4xAAsSG981LAznHGZjwN09ZFHouTU97NOJ1+u1DntSiDACkQqui7zgOQJZ0YGETRU+vLjpy9ktxpD0QnhgTBdFFne/KrM7S8lWNZGB9axSurr+ZbYAcgLINzNCC++ltGNmSY1m/aarD3SR935nyMfzEz6+ZAwXFCTNbEtdYwsaErOHVobynWLMHGOMpGlH7b4FzLkCA/5qOuINCY2/wpdW1IEJNr3QuYDpo8iwlO6EZdSQXNNH4oGEzLhtOdnOW8/g22J0uyA52sYCyFyJM0OfbR+WdTYmTGZLP3RA="
}

user "bob" {
  pgp_key = "keybase:bob_example"
}

user "carol" {}
