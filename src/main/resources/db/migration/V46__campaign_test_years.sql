-- Issue 6, tracking (ADR 20, addendum "Tracking, reminders and exports"). The integration
-- tests share one database and each test class creates its own campaigns with data years
-- nobody else uses (2200 to 2499, far from any real year so that they never become the
-- "current" campaign of a real reader by accident of ordering). The database accepted only
-- 2000 to 2100; it now accepts up to 2999. The creation form still refuses anything
-- outside 2000 to 2100 (Campaigns.check): people never create such campaigns.
alter table campaign drop constraint if exists campaign_data_year_check;
alter table campaign add constraint campaign_data_year_check check (data_year between 2000 and 2999);
