-- An Assure process belongs to one gateway process at most (found by the soak: a repair and a retry could
-- otherwise both claim the same one). NULLs (reserved, not yet created) do not collide.
CREATE UNIQUE INDEX uq_process_assure_id ON verification_process (assure_process_id);
