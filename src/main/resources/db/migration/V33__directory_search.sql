-- The public directory's search: a structure is found when every word typed appears in its
-- name, its commune's name or a postal code (its own or its commune's), whatever the
-- accents, case and punctuation. No extension (unaccent, pg_trgm) is needed: the text searched is
-- normalized once, when the structure is written, and about 4,100 short rows are scanned in
-- a few milliseconds (docs/architecture.md, "Public directory and open data").

-- Lower case ASCII letters and digits, every other run of characters one space:
-- « L’Île-Saint-Denis 93450 » becomes « l ile saint denis 93450 ». Upper case accented
-- letters are listed too, because lower() leaves them alone in a database whose locale is C.
create function directory_normalize(value text) returns text
    language sql immutable strict parallel safe
as $$
    select btrim(regexp_replace(
        lower(translate(replace(replace(replace(replace(value, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
            'àâäáãåÀÂÄÁÃÅçÇéèêëÉÈÊËíìîïÍÌÎÏñÑóòôöõÓÒÔÖÕúùûüÚÙÛÜýÿÝŸ',
            'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooouuuuuuuuyyyy')),
        '[^a-z0-9]+', ' ', 'g'))
$$;

-- Kept by the trigger below, with the sort keys of the directory's order (by commune, then
-- name, accents aside) in the C collation, so that its index serves any database.
alter table structure
    add column search_text text,
    add column sort_commune text collate "C",
    add column sort_name text collate "C";

update structure s
set search_text = directory_normalize(concat_ws(' ', s.name, c.name, s.postal_code, array_to_string(c.postal_codes, ' '))),
    sort_commune = directory_normalize(c.name),
    sort_name = directory_normalize(s.name)
from commune c
where c.code = s.commune_code;

alter table structure
    alter column search_text set not null,
    alter column sort_commune set not null,
    alter column sort_name set not null;

create function structure_directory_keys() returns trigger language plpgsql as $$
begin
    select directory_normalize(concat_ws(' ', new.name, c.name, new.postal_code, array_to_string(c.postal_codes, ' '))),
           directory_normalize(c.name), directory_normalize(new.name)
    into new.search_text, new.sort_commune, new.sort_name
    from commune c where c.code = new.commune_code;
    return new;
end $$;

create trigger structure_directory_keys before insert or update of name, commune_code, postal_code on structure
    for each row execute function structure_directory_keys();

-- The directory lists active structures only: a page of all of them reads this index in
-- order; filters by département and kind read the other.
create index structure_directory_order_idx on structure (sort_commune, sort_name, id) where status = 'ACTIVE';
create index structure_directory_idx on structure (departement_code, kind) where status = 'ACTIVE';
