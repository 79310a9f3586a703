#!/usr/bin/env python3
"""Build knowledge/inci-vocabulary.json from published public lists (see inci-vocabulary.md)."""
import csv, io, json, re, subprocess, sys, collections

MIRROR = "/work/.mirror"
RETRIEVED = "2026-12-06"
OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/main/knowledge/inci-vocabulary.json"

def git_show(repo, path, rev="HEAD"):
    d = f"{MIRROR}/{repo}/repo"
    import os
    if os.path.isdir(d + "/.git"):
        d += "/.git"
    return subprocess.run(["git", "-C", d, "show", f"{rev}:{path}"], capture_output=True, check=True).stdout.decode("utf-8", "replace")

# ---------- casing: CosIng publishes INCI names in capitals; write them the way labels do ----------
KEEP_UPPER = set("""PEG PPG CI EDTA HEDTA PABA BHT BHA TEA DEA MEA MIPA DIPA TIPA PCA AMP AMPD DMDM DMHF PVP VA PVM MA PVA
HDI IPDI TDI MDI SMDI HMDI DNA RNA ATP NADH NAD NADP EGF FGF IGF TGF KGF VEGF HGH SH II III IV VI VII VIII IX XI XII XIII
DHA EPA GLA HEC HPMC HPC CMC MDM MQ TMP TMC NF USP BP PTFE PET PVC PE PP PS PMMA PBT PU PHA PHB PLA PGA PLGA CoQ
DMAE DMAPA DMPA GMO HCL HBR HF HI UV SPF ABS ADP AMPS APG CAS PEI PEO PDMS HDL LDL TBHQ TBHP TEA-PEG EO PO
IPBC BIT MIT MCI OIT DCOIT DMIT BAC CTAC BTAC DTPA EGTA HEDP NTA GLDA MGDA IDS EDDS PBS HMDS TMS TMCS DMS
ACP RGD PHMB PVPA PEGDA HEMA MMA EMA BMA GMA TPU TPO UDMA TEGDMA BISGMA SLS SLES ALS ALES MEA-PABA""".split())
ROMAN = re.compile(r"^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
SMALL = {"and", "of", "with", "in", "from"}  # CosIng names hardly use them; keep capitalised otherwise

def case_token(t, first):
    if not t:
        return t
    u = t.upper()
    if u in KEEP_UPPER:
        return {"HCL": "HCl", "HBR": "HBr", "COQ": "CoQ"}.get(u, u)
    if ROMAN.match(u) and len(u) <= 5 and u not in {"C", "L", "CC", "LI", "DI", "MI", "MIX", "DIX", "CIVIL"}:
        return u
    if re.search(r"\d", t):
        # C12-15, C10-30, 2-HYDROXY ... letters glued to digits stay capital when short (C12, D5, B12)
        if re.match(r"^[A-Z]{1,3}\d", u):
            return u
        return re.sub(r"[A-Z]+", lambda m: m.group(0) if len(m.group(0)) <= 2 and m.start() == 0 and False else m.group(0).capitalize(), u)
    if len(u) <= 3 and not re.search(r"[AEIOUY]", u):
        return u  # vowel-less acronyms: BHT, HDI, PVP, MQ ...
    return u.capitalize()

def inci_case(name):
    # split keeping separators; hyphenated parts each handled
    parts = re.split(r"([\s/\-\(\)\[\],+&'.:;])", name)
    out = []
    for i, p in enumerate(parts):
        out.append(case_token(p, i == 0) if p and not re.match(r"[\s/\-\(\)\[\],+&'.:;]", p) else p)
    s = "".join(out)
    # INCI writes recombinant prefixes and o-/m-/p- locants in lower case
    s = re.sub(r"(?<![A-Za-z])(SH|RH|Sh|Rh)-(?=[A-Z])", lambda m: m.group(1).lower() + "-", s)
    s = re.sub(r"(?<![A-Za-z0-9])([OMP])-(?=[A-Z])", lambda m: m.group(1).lower() + "-", s)
    return s

def clean(name):
    n = re.sub(r"\s+", " ", name.replace("\u00a0", " ")).strip()
    n = n.strip(" ,;.")
    return n

BAD = re.compile(r"[%*?!<>=@#$^{}|~`\"]")
def ok(name):
    return bool(name) and not BAD.search(name) and re.search(r"[A-Za-z]", name) is not None and len(name) <= 400

def finish(names):
    seen = {}
    for n in names:
        n = clean(n)
        if ok(n):
            seen.setdefault(n.casefold(), n)
    return sorted(seen.values(), key=lambda s: (s.casefold(), s))

lists = []

# ---------- 1. CosIng inventory (EU) ----------
COSING_REPO, COSING_COMMIT = "sohab117+inci-cas-builder", "f497358e85a2725107282aa375e9a0674f55b87d"
raw = git_show(COSING_REPO, "data/cosing.csv", COSING_COMMIT)
cos = [inci_case(clean(r["inci_name"])) for r in csv.DictReader(io.StringIO(raw))]
lists.append(dict(id="eu-cosing-inventory", title="EU CosIng inventory of cosmetic ingredients (INCI names), export archived 2020-12-30",
    source=f"https://github.com/sohab117/inci-cas-builder/blob/{COSING_COMMIT}/data/cosing.csv",
    licence="EU public data, reuse authorised (Commission Decision 2011/833/EU); CosIng © European Union",
    retrieved=RETRIEVED, names=finish(cos)))

# ---------- 2. Regulation (EC) 1223/2009 annexes II-VI as published by CosIng ----------
OBF, OBF_COMMIT = "openfoodfacts+openbeautyfacts", "8a783b59f7fd42a31a5a329d900a972fb31e255a"
annex_names = []
for annex in ["II", "III", "IV", "V", "VI"]:
    rows = list(csv.reader(io.StringIO(git_show(OBF, f"cosing/COSING_Annex.{annex}_v2.csv", OBF_COMMIT))))
    head = rows[0]
    cols = [i for i, h in enumerate(head) if h.startswith("Name of Common Ingredients Glossary") or h.startswith("Colour index Number") or h.startswith("Identified INGREDIENTS")]
    for r in rows[1:]:
        for i in cols:
            if i >= len(r):
                continue
            for part in re.split(r";|\s/\s|\n", r[i]):
                part = part.strip()
                if not part or part.startswith("(*)"):
                    continue  # (*) marks substances that are not INCI names
                if part.upper() != part:
                    continue  # INCI names are published in capitals; mixed case is chemical text
                annex_names.append(inci_case(clean(part)))
lists.append(dict(id="eu-cosmetics-regulation-annexes", title="Regulation (EC) No 1223/2009 Annexes II-VI: INCI names of listed and identified ingredients (CosIng annex exports)",
    source=f"https://github.com/openfoodfacts/openbeautyfacts/tree/{OBF_COMMIT}/cosing",
    licence="EU public data, reuse authorised (Commission Decision 2011/833/EU); CosIng © European Union",
    retrieved=RETRIEVED, names=finish(annex_names)))

# ---------- 3. Sephora product ingredient lists (names seen in >= 3 distinct products) ----------
LENA, LENA_COMMIT = "LenaNevel+CAPSTONE", "6da20fea2b0fdd2e715fbe5475f84b95f35711e0"
import html as _html
csv.field_size_limit(10**9)
MARKETING = re.compile(r"\b(may contain|contains|free|formulated|clean|organic|natural|certified|derived|ingredients?|please|product|skin|helps?|our|your|we|the|is|are|for|this|from|with|without|and|or|vegan|extract of|sourced|note|key|list|subject|change|packaging)\b", re.I)
NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 /\-(),'.:+&]*$")
def top_split(t):
    out, depth, cur = [], 0, []
    for ch in t:
        if ch in "([": depth += 1
        elif ch in ")]": depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            out.append("".join(cur)); cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out
product_sets = collections.defaultdict(set)
spellings = collections.defaultdict(collections.Counter)
for row in csv.DictReader(io.StringIO(git_show(LENA, "data/product_info.csv", LENA_COMMIT))):
    text = _html.unescape(re.sub(r"<[^>]+>", "\n", row["ingredients"] or ""))
    lines = [l.strip() for l in text.split("\n") if l.count(",") >= 4]
    if not lines:
        continue
    line = max(lines, key=lambda l: l.count(","))  # the full ingredient list is the comma-densest line
    line = re.sub(r"^[^:]{0,40}:\s*", "", line)     # "Ingredients:" style lead-ins
    pid = (row["brand"] + "|" + row["name"]).casefold()
    for part in top_split(line):
        n = clean(part)
        if not n or len(n) > 80 or not NAME_OK.match(n) or "%" in n or "*" in n:
            continue
        if n == n.lower() or MARKETING.search(n) or len(n.split()) > 10 or not re.match(r"[A-Z0-9]", n):
            continue
        product_sets[n.casefold()].add(pid)
        spellings[n.casefold()][n] += 1
prod_names = [spellings[k].most_common(1)[0][0] for k, v in product_sets.items() if len(v) >= 3]
# misspelling guard: a label name not in CosIng but one letter away from a CosIng name (ignoring spaces and
# punctuation) is a slip or a variant spelling (Citronnellol, Caprylic Capric Triglyceride): leave it out
def squash(n): return re.sub(r"[^a-z0-9]", "", n.casefold())
def dels(w): return {w[:i] + w[i+1:] for i in range(len(w))}
cos_keys = {n.casefold() for n in lists[0]["names"]}
cos_sq = {squash(n) for n in lists[0]["names"]}
cos_del = set()
for w in cos_sq:
    cos_del |= dels(w)
cos_any = cos_sq | cos_del
def near_cosing(n):
    w = squash(n)
    return w in cos_any or not dels(w).isdisjoint(cos_any)
kept = []
for n in prod_names:
    n = re.sub(r"[+*]+$", "", n).strip()
    n = re.sub(r"\bCi ?(?=\d{5}\b)", "CI ", n)
    if re.search(r"\([a-z]", n):
        continue  # parenthetical descriptions such as "(emollient - fatty acid)"
    if n.casefold() not in cos_keys:
        if near_cosing(n) or " " not in n.strip() or re.search(r"(^|\s)[a-z]", n) \
                or re.search(r"/(Sodium|Potassium|Calcium|Magnesium|Ammonium)$", n):
            continue  # slips, lone words, sentence fragments and names cut at a comma
    kept.append(n)
prod_names = kept
lists.append(dict(id="sephora-product-labels", title="Ingredient names on Sephora product pages (2,765 skincare products scraped 2020), kept when seen in at least 3 distinct products",
    source=f"https://github.com/LenaNevel/CAPSTONE/blob/{LENA_COMMIT}/data/product_info.csv",
    licence="No licence stated by the repository; factual ingredient-label text from sephora.com product pages, used here only as a list of names",
    retrieved=RETRIEVED, names=finish(prod_names)))

# ---------- drug-facts (USAN/USP) names and the INCI name they stand for ----------
ANNEX_VI = "https://github.com/openfoodfacts/openbeautyfacts/blob/%s/cosing/COSING_Annex.VI_v2.csv" % OBF_COMMIT
CFR352 = "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-352/subpart-B/section-352.10"
DRUGS = [
    # (drug-facts name, INCI name, source) -- Annex VI gives "chemical name / INN-USAN" beside the INCI name
    ("Homosalate", "Homosalate", ANNEX_VI + " (entry 3)"),
    ("Oxybenzone", "Benzophenone-3", ANNEX_VI + " (entry 4)"),
    ("Ensulizole", "Phenylbenzimidazole Sulfonic Acid", ANNEX_VI + " (entry 6)"),
    ("Ecamsule", "Terephthalylidene Dicamphor Sulfonic Acid", ANNEX_VI + " (entry 7)"),
    ("Avobenzone", "Butyl Methoxydibenzoylmethane", ANNEX_VI + " (entry 8)"),
    ("Octocrylene", "Octocrylene", ANNEX_VI + " (entry 10, INN Octocrilene)"),
    ("Octinoxate", "Ethylhexyl Methoxycinnamate", ANNEX_VI + " (entry 12)"),
    ("Amiloxate", "Isoamyl p-Methoxycinnamate", ANNEX_VI + " (entry 14)"),
    ("Iscotrizinol", "Diethylhexyl Butamido Triazone", ANNEX_VI + " (entry 17)"),
    ("Enzacamene", "4-Methylbenzylidene Camphor", ANNEX_VI + " (entry 18)"),
    ("Octisalate", "Ethylhexyl Salicylate", ANNEX_VI + " (entry 20)"),
    ("Padimate O", "Ethylhexyl Dimethyl PABA", ANNEX_VI + " (entry 21)"),
    ("Sulisobenzone", "Benzophenone-4", ANNEX_VI + " (entry 22)"),
    ("Bisoctrizole", "Methylene Bis-Benzotriazolyl Tetramethylbutylphenol", ANNEX_VI + " (entry 23)"),
    ("Bisdisulizole Disodium", "Disodium Phenyl Dibenzimidazole Tetrasulfonate", ANNEX_VI + " (entry 24)"),
    ("Bemotrizinol", "Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine", ANNEX_VI + " (entry 25)"),
    ("Titanium Dioxide", "Titanium Dioxide", ANNEX_VI + " (entry 27)"),
]
CFR333 = "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-333/subpart-D/section-333.310"
CFR347 = "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-347/subpart-B/section-347.10"
CFR348 = "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-D/part-348/subpart-B/section-348.10"
DRUGS += [
    ("Meradimate", "Menthyl Anthranilate", "https://cosmeticsinfo.org/ingredient/menthyl-anthranilate"),
    ("Dioxybenzone", "Benzophenone-8", "https://cosmeticsinfo.org/ingredient/benzophenone-6"),
    ("Trolamine Salicylate", "TEA-Salicylate", "https://www.cosmeticsinfo.org/ingredient/salicylic-acid/"),
    ("Aminobenzoic Acid", "PABA", CFR352 + " (\"Aminobenzoic acid (PABA)\")"),
    ("Cinoxate", "Cinoxate", CFR352),
    ("Zinc Oxide", "Zinc Oxide", CFR352),
    ("Salicylic Acid", "Salicylic Acid", CFR333),
    ("Benzoyl Peroxide", "Benzoyl Peroxide", CFR333),
    ("Resorcinol", "Resorcinol", CFR333),
    ("Sulfur", "Sulfur", CFR333),
    ("Allantoin", "Allantoin", CFR347),
    ("Dimethicone", "Dimethicone", CFR347),
    ("Glycerin", "Glycerin", CFR347),
    ("Petrolatum", "Petrolatum", CFR347),
    ("Camphor", "Camphor", CFR348),
    ("Menthol", "Menthol", CFR348),
    ("Lidocaine", "Lidocaine", CFR348),
]
DRUGS.sort(key=lambda d: d[0].casefold())

known = {n.casefold() for l in lists for n in l["names"]}
drug_names = []
for name, inci, src in DRUGS:
    if inci.casefold() not in known:
        print("WARNING: drug INCI not in the lists:", name, "->", inci, file=sys.stderr)
    drug_names.append(dict(name=name, inci=inci, source=src))

doc = dict(
    note="INCI names gathered from published public lists (EU CosIng inventory, Regulation (EC) 1223/2009 annexes, product ingredient lists), each list with its source, licence and retrieval date, plus US drug-facts names mapped to INCI; clinics may add their own lists in the same shape.",
    lists=lists, drugNames=drug_names)
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")

check = json.load(open(OUT, encoding="utf-8"))
total = set()
for l in check["lists"]:
    assert l["names"] == sorted(set(l["names"]), key=lambda s: (s.casefold(), s)) and all(n.strip() for n in l["names"])
    print(f'{l["id"]}: {len(l["names"])}')
    total |= {n.casefold() for n in l["names"]}
print("total distinct (case-insensitive):", len(total))
print("drug names:", len(check["drugNames"]))
