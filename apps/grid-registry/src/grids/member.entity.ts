/**
 * The grid tree reads and writes leaders (网格长 / 微网格长) through the one entity of the `members` table, which
 * the members feature owns. The phone is personal data: it never appears in events or grid views.
 */
export { GridMember as Member } from '../members/grid-member.entity';
