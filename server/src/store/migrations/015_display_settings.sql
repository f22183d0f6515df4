-- Display settings (server/src/settings/): the wall display's languages, one or two of en, zh-Hans, zh-Hant in the
-- order the wall shows them. The hotel's name is `properties.name` (seeded with the demo hotel's name).
-- Append-only: never edit a file that has shipped.
alter table properties add column wall_languages jsonb not null default '["zh-Hans", "en"]'::jsonb;
