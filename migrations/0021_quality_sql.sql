-- The interval and day tallies start empty: drop the analytics read model so the projector folds the
-- log again and fills contacts, tallies and agent time together (the log is the source of truth).
DELETE FROM "analytics_cursors";--> statement-breakpoint
DELETE FROM "analytics_contacts";--> statement-breakpoint
DELETE FROM "analytics_agent_time";--> statement-breakpoint
DELETE FROM "analytics_agent_state";
