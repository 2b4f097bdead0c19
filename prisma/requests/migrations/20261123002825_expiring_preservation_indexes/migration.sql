-- CreateIndex
CREATE INDEX "CooperationRequest_requestingAuthorityId_preservedUntil_idx" ON "CooperationRequest"("requestingAuthorityId", "preservedUntil");

-- CreateIndex
CREATE INDEX "CooperationRequest_requestedAuthorityId_preservedUntil_idx" ON "CooperationRequest"("requestedAuthorityId", "preservedUntil");

