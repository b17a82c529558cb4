-- Official geography (INSEE code officiel géographique), see territory/SOURCE.md.
create table region (
    code varchar(3) primary key,
    name text not null,
    zone text not null check (zone in ('metro', 'drom'))
);

create table departement (
    code varchar(3) primary key,
    name text not null,
    region_code varchar(3) not null references region (code),
    zone text not null check (zone in ('metro', 'drom'))
);
create index departement_region_idx on departement (region_code);

-- The classification rules live here, once, as generated columns (docs/adr/0004):
--   urban: at least 2,000 inhabitants, INSEE's historical threshold of an urban unit,
--          applied to the commune alone (the density grid needs areas our source lacks);
--   population band: the size classes used to compare "similar territories".
create table commune (
    code char(5) primary key,
    name text not null,
    departement_code varchar(3) not null references departement (code),
    region_code varchar(3) not null references region (code),
    postal_codes varchar(5)[] not null,
    population integer check (population >= 0),
    urban boolean generated always as (coalesce(population, 0) >= 2000) stored,
    population_band text generated always as (
        case
            when coalesce(population, 0) < 2000 then 'UNDER_2K'
            when population < 10000 then 'FROM_2K_TO_10K'
            when population < 50000 then 'FROM_10K_TO_50K'
            when population < 200000 then 'FROM_50K_TO_200K'
            else 'OVER_200K'
        end) stored
);
create index commune_departement_idx on commune (departement_code, name);
