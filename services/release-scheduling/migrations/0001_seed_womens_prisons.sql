-- The women's prisons in England, with the default release window (08:00-12:00 Europe/London).
-- Editable through the API by the admin role.
INSERT INTO "prisons" ("code", "name") VALUES
  ('AGI', 'HMP/YOI Askham Grange'),
  ('BZI', 'HMP/YOI Bronzefield'),
  ('DHI', 'HMP/YOI Drake Hall'),
  ('DWI', 'HMP/YOI Downview'),
  ('ESI', 'HMP/YOI East Sutton Park'),
  ('EWI', 'HMP/YOI Eastwood Park'),
  ('FHI', 'HMP/YOI Foston Hall'),
  ('LNI', 'HMP/YOI Low Newton'),
  ('NHI', 'HMP/YOI New Hall'),
  ('PFI', 'HMP/YOI Peterborough'),
  ('SDI', 'HMP/YOI Send'),
  ('STI', 'HMP/YOI Styal')
ON CONFLICT ("code") DO NOTHING;
