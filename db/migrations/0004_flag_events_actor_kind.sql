PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_flag_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flag_id` integer NOT NULL,
	`editor` text NOT NULL,
	`actor_kind` text DEFAULT 'system' NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`flag_id`) REFERENCES `flags`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "flag_events_actor_kind_check" CHECK(actor_kind in ('system', 'editor'))
);
--> statement-breakpoint
-- Existing rows: the analysis writes only "stale" and "revived" events and triage only "status" and "note",
-- so the action (which no editor chooses) tells who wrote a row; the name cannot (an editor may have typed "parallax").
INSERT INTO `__new_flag_events`("id", "flag_id", "editor", "actor_kind", "at", "action", "from_status", "to_status", "note") SELECT "id", "flag_id", "editor", CASE WHEN "action" IN ('stale', 'revived') THEN 'system' ELSE 'editor' END, "at", "action", "from_status", "to_status", "note" FROM `flag_events`;--> statement-breakpoint
DROP TABLE `flag_events`;--> statement-breakpoint
ALTER TABLE `__new_flag_events` RENAME TO `flag_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `flag_events_flag_idx` ON `flag_events` (`flag_id`);