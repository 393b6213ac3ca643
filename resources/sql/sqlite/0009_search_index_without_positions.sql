-- Search matches every typed word as a prefix anywhere in a lead: it never asks for phrases, columns or word
-- positions. An index without them (detail = none) is about a third cheaper to write, which is most of what an
-- import of 50,000 leads spends in SQLite, and smaller on disk. The triggers of 0001 keep it current by name.
DROP TABLE leads_fts;

CREATE VIRTUAL TABLE leads_fts USING fts5 (
    name, company, contact_person, email, phone, notes, tags,
    content = 'leads', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    detail = none
);

INSERT INTO leads_fts (leads_fts) VALUES ('rebuild');
