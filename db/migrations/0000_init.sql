CREATE TABLE `alignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` integer NOT NULL,
	`unit` text NOT NULL,
	`source_article_id` integer NOT NULL,
	`source_start` integer NOT NULL,
	`source_end` integer NOT NULL,
	`target_article_id` integer NOT NULL,
	`coverage` text NOT NULL,
	`score` real NOT NULL,
	`target_start` integer,
	`target_end` integer,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alignments_story_idx` ON `alignments` (`story_id`);--> statement-breakpoint
CREATE INDEX `alignments_source_idx` ON `alignments` (`source_article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outlet_id` integer NOT NULL,
	`story_id` integer,
	`source` text NOT NULL,
	`canonical_url` text,
	`title` text NOT NULL,
	`byline` text,
	`published_at` text,
	`language` text,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`ingested_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`current` integer DEFAULT true NOT NULL,
	`story_label` text,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_source_revision_idx` ON `articles` (`source`,`revision`);--> statement-breakpoint
CREATE INDEX `articles_story_idx` ON `articles` (`story_id`);--> statement-breakpoint
CREATE INDEX `articles_hash_idx` ON `articles` (`content_hash`);--> statement-breakpoint
CREATE INDEX `articles_outlet_idx` ON `articles` (`outlet_id`);--> statement-breakpoint
CREATE TABLE `flag_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flag_id` integer NOT NULL,
	`editor` text NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`flag_id`) REFERENCES `flags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `flag_events_flag_idx` ON `flag_events` (`flag_id`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`story_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`severity_rank` integer NOT NULL,
	`confidence` real NOT NULL,
	`text` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`speaker` text,
	`explanation` text NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`counterparts` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`stale` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flags_fingerprint_unique` ON `flags` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `flags_story_idx` ON `flags` (`story_id`);--> statement-breakpoint
CREATE INDEX `flags_article_idx` ON `flags` (`article_id`);--> statement-breakpoint
CREATE INDEX `flags_kind_idx` ON `flags` (`kind`);--> statement-breakpoint
CREATE INDEX `flags_status_idx` ON `flags` (`status`);--> statement-breakpoint
CREATE INDEX `flags_severity_idx` ON `flags` (`severity_rank`,`confidence`);--> statement-breakpoint
CREATE INDEX `flags_updated_idx` ON `flags` (`updated_at`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outlets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`host` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_name_unique` ON `outlets` (`name`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`text` text NOT NULL,
	`style` text NOT NULL,
	`speaker` text,
	`speaker_start` integer,
	`speaker_end` integer,
	`venue` text,
	`cue` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quotes_article_idx` ON `quotes` (`article_id`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ordinal` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`boilerplate` integer DEFAULT false NOT NULL,
	`block_ordinal` integer,
	`structure` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `segments_article_idx` ON `segments` (`article_id`,`kind`);--> statement-breakpoint
CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text,
	`title` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`dirty` integer DEFAULT true NOT NULL,
	`analyzed_at` text,
	`signature` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stories_label_unique` ON `stories` (`label`);--> statement-breakpoint
CREATE INDEX `stories_dirty_idx` ON `stories` (`dirty`);