import re, unicodedata
def old_key(title: str) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[-–—:?!&]+", " ", text)
    text = re.sub(r"[^a-z0-9 ]", "", text)
    return " ".join(text.split())
def old_group_key(title: str) -> str:
    key = old_key(title)
    for article in ("the ", "a ", "an "):
        if key.startswith(article):
            return key[len(article) :]
    return key
def resolve(variants):
    keys = sorted({old_group_key(v.english_title) for v in variants})
    ids = {k: i for i, k in enumerate(keys)}
    return {v.key: ids[old_group_key(v.english_title)] for v in variants}
