-- Source and industry filters compare COLLATE NOCASE, which these BINARY indexes cannot serve, and the filter
-- pickers scan the table on purpose; the indexes only cost time on every insert (an import writes 50,000 rows).
DROP INDEX IF EXISTS leads_source;
DROP INDEX IF EXISTS leads_industry;
