/**
 * What every command handler returns: the result the sending device keeps (typed per command in
 * shared/protocol/commands) and the property version its events reached (0 when it appended none).
 */
export interface Applied<R = unknown> {
  result: R;
  version: number;
}
