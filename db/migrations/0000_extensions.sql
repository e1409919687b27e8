-- Trigram similarity for typo-tolerant Vietnamese search (similarity(), never %: stack notes C3).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
