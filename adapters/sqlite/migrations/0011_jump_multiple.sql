-- Campaign.jumpMultiple: how many times a unit's typical gain a figure may move before the form asks to
-- confirm it. NULL: the campaign does not say (the default applies).
ALTER TABLE campaigns ADD COLUMN jump_multiple REAL CHECK (jump_multiple > 0);
