DROP INDEX "routing_inputs_workspace";--> statement-breakpoint
DROP INDEX "interactions_idempotency";--> statement-breakpoint
DROP INDEX "interactions_customer";--> statement-breakpoint
DROP INDEX "interactions_agent";--> statement-breakpoint
ALTER TABLE "routing_inputs" DROP CONSTRAINT "routing_inputs_pkey";--> statement-breakpoint
ALTER TABLE "routing_inputs" ADD CONSTRAINT "routing_inputs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_idempotency" ON "interactions" USING btree ("workspace_id","idempotency_key") WHERE "interactions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "interactions_customer" ON "interactions" USING btree ("workspace_id","customer_id","created_at") WHERE "interactions"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "interactions_agent" ON "interactions" USING btree ("workspace_id","agent_id","state") WHERE "interactions"."agent_id" is not null;