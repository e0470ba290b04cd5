-- Full-text search over flags: an external-content FTS5 index kept in step by triggers.
CREATE VIRTUAL TABLE `flags_fts` USING fts5(`text`, `explanation`, `speaker`, `note`, content='flags', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `flags_fts_ai` AFTER INSERT ON `flags` BEGIN
  INSERT INTO `flags_fts`(rowid, `text`, `explanation`, `speaker`, `note`) VALUES (new.id, new.text, new.explanation, coalesce(new.speaker, ''), new.note);
END;
--> statement-breakpoint
CREATE TRIGGER `flags_fts_ad` AFTER DELETE ON `flags` BEGIN
  INSERT INTO `flags_fts`(`flags_fts`, rowid, `text`, `explanation`, `speaker`, `note`) VALUES ('delete', old.id, old.text, old.explanation, coalesce(old.speaker, ''), old.note);
END;
--> statement-breakpoint
CREATE TRIGGER `flags_fts_au` AFTER UPDATE OF `text`, `explanation`, `speaker`, `note` ON `flags` BEGIN
  INSERT INTO `flags_fts`(`flags_fts`, rowid, `text`, `explanation`, `speaker`, `note`) VALUES ('delete', old.id, old.text, old.explanation, coalesce(old.speaker, ''), old.note);
  INSERT INTO `flags_fts`(rowid, `text`, `explanation`, `speaker`, `note`) VALUES (new.id, new.text, new.explanation, coalesce(new.speaker, ''), new.note);
END;
