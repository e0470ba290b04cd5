CREATE TABLE `ingest_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`request` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`results` text DEFAULT '[]' NOT NULL,
	`outcome` text,
	`error` text,
	`pid` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ingest_jobs_created_idx` ON `ingest_jobs` (`created_at`);--> statement-breakpoint
CREATE TABLE `outlet_aliases` (
	`name` text PRIMARY KEY NOT NULL,
	`outlet_id` integer NOT NULL,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outlet_aliases_outlet_idx` ON `outlet_aliases` (`outlet_id`);--> statement-breakpoint
DROP INDEX `articles_source_revision_idx`;--> statement-breakpoint
-- SQLite adds a NOT NULL column only with a default; every row gets its real value just below.
ALTER TABLE `articles` ADD `lineage` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing articles: each source was its own article, so its lineage is its source (revisions stay unique).
UPDATE `articles` SET `lineage` = `source`;--> statement-breakpoint
-- A row inserted without a lineage (tools, tests) is an article of its own: its lineage is its source.
CREATE TRIGGER `articles_lineage_default` AFTER INSERT ON `articles` WHEN new.`lineage` = '' BEGIN
  UPDATE `articles` SET `lineage` = new.`source` WHERE `id` = new.`id`;
END;--> statement-breakpoint
ALTER TABLE `articles` ADD `canonical_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_lineage_revision_idx` ON `articles` (`lineage`,`revision`);--> statement-breakpoint
CREATE INDEX `articles_source_idx` ON `articles` (`source`);--> statement-breakpoint
CREATE INDEX `articles_canonical_idx` ON `articles` (`canonical_key`);--> statement-breakpoint
ALTER TABLE `outlets` ADD `name_origin` text DEFAULT 'metadata' NOT NULL;--> statement-breakpoint
-- Existing outlets: a name equal to the stored host came from the host; a name equal to the file
-- name stem of one of its articles' sources came from the file name; the rest from metadata.
-- (canonical_key is filled by db/client.ts, which normalises URLs the way ingest does.)
UPDATE `outlets` SET `name_origin` = 'host' WHERE `host` IS NOT NULL AND `name` = `host`;--> statement-breakpoint
UPDATE `outlets` SET `name_origin` = 'file' WHERE `name_origin` = 'metadata' AND EXISTS (
  SELECT 1 FROM `articles` a WHERE a.`outlet_id` = `outlets`.`id`
    AND instr('/' || replace(a.`source`, char(92), '/'), '/' || `outlets`.`name` || '.') > 0
);