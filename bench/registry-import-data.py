#!/usr/bin/env python3
"""Writes a registry import file for the benchmark: ROWS fictional structures spread over
the départements of the small demo data, semicolon-separated UTF-8 with BOM, as French
Excel saves it. With --bad, three lines are wrong: an unknown commune, a SIRET whose check
digit is wrong, a missing name. Prints the numbers of the bad lines (1 = header).

Usage: registry-import-data.py OUT.csv [--bad] [--rows 4000]"""
import argparse
import csv
import random

DEPARTEMENTS = {"11", "34", "66", "69", "93", "974"}
COMMUNES_TSV = "src/main/resources/territory/communes.tsv"
AXES = ["Parentalité", "Jeunesse", "Accès aux droits", "Vivre ensemble", "Numérique", "Culture", "Insertion"]
MODES = ["Association", "Commune ou CCAS", "Caf", "Cogestion", "Autre"]


def luhn_complete(thirteen):
    for digit in range(10):
        candidate = thirteen + str(digit)
        total = 0
        for i, c in enumerate(reversed(candidate)):
            d = int(c)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return candidate
    raise ValueError(thirteen)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--bad", action="store_true")
    parser.add_argument("--rows", type=int, default=4000)
    args = parser.parse_args()
    random.seed(2026)
    communes = []
    with open(COMMUNES_TSV, encoding="utf-8") as tsv:
        for row in csv.DictReader(tsv, delimiter="\t"):
            if row["departement_code"] in DEPARTEMENTS:
                communes.append((row["code"], row["postal_codes"].split()[0] if row["postal_codes"] else ""))
    header = ["id", "nom", "type", "adresse", "code_postal", "code_commune", "latitude", "longitude", "courriel",
              "telephone", "site_web", "siret", "date_premier_agrement", "population_territoire", "historique",
              "axes_projet", "mode_gestion", "type_territoire", "qpv", "adherent_federation", "gens_du_voyage",
              "multi_sites", "itinerant", "statut", "communes_desservies"]
    bad = {102: "commune", 2002: "siret", 3503: "nom"} if args.bad else {}
    with open(args.out, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for n in range(1, args.rows + 1):
            line = n + 1
            kind = "CS" if n % 5 < 3 else "EVS"
            commune, postal = random.choice(communes)
            served = sorted({c for c, _ in random.sample(communes, 2)} - {commune})
            siret = luhn_complete("9%08d%04d" % (n, 1))
            if bad.get(line) == "siret":
                siret = siret[:13] + str((int(siret[13]) + 1) % 10)
            name = "%s Banc d’essai n° %04d" % ("Centre social" if kind == "CS" else "Espace de vie sociale", n)
            writer.writerow([
                "", "" if bad.get(line) == "nom" else name, kind,
                "%d rue des Essais; bâtiment %s" % (n % 200 + 1, "AB"[n % 2]), postal,
                "99999" if bad.get(line) == "commune" else commune,
                "", "", "contact%04d@banc-essai.example" % n, "04 68 %02d %02d %02d" % (n % 100, n // 100 % 100, 7),
                "banc-essai.example/%d" % n, siret, "%02d/%02d/%d" % (n % 28 + 1, n % 12 + 1, 1990 + n % 35),
                1000 + n * 7, "Fondé par des habitants.\nUn \"projet\" partagé, depuis %d." % (1990 + n % 35),
                " | ".join(random.sample(AXES, 3)), MODES[n % len(MODES)], "", "oui" if n % 3 == 0 else "non",
                "oui" if n % 2 == 0 else "non", "non", "oui" if n % 7 == 0 else "non", "non",
                "active" if n % 50 else "fermée", "|".join(served)])
    print(" ".join(str(line) for line in sorted(bad)))


if __name__ == "__main__":
    main()
