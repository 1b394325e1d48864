import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { HANDLING_CODES, INTELLIGENCE_GRADES, LINK_TYPES, NODE_KINDS, type HandlingCode, type IntelligenceGrade, type LinkType, type NodeKind } from '@mase/shared';
import { enumObject } from '../../common/graphql/enums.js';
import { AgencyEntity } from '../agencies/agency.entity.js';

export const NodeKindEnum = enumObject(NODE_KINDS);
registerEnumType(NodeKindEnum, { name: 'NodeKind' });

export const LinkTypeEnum = enumObject(LINK_TYPES);
registerEnumType(LinkTypeEnum, { name: 'LinkType' });

export const IntelligenceGradeEnum = enumObject(INTELLIGENCE_GRADES);
registerEnumType(IntelligenceGradeEnum, { name: 'IntelligenceGrade', description: '3x5x2 intelligence assessment: A (known to be true) to E (suspected to be false)' });

export const HandlingCodeEnum = enumObject(HANDLING_CODES);
export { HANDLING_CODES, INTELLIGENCE_GRADES, LINK_TYPES, NODE_KINDS, type HandlingCode, type IntelligenceGrade, type LinkType, type NodeKind };
registerEnumType(HandlingCodeEnum, { name: 'HandlingCode', description: '3x5x2 handling: P (lawful sharing permitted) or C (conditions apply)' });

export const HANDLING_C_NOTE = "Handling code C: do not disseminate without the originator's permission";

/**
 * A typed edge between two nodes (young person, person of concern, location). The two ends are
 * stored in a canonical order (a < b) so the same pair in either order is the same link; its
 * grading is the latest recorded, its handling C once any grading was C. No foreign keys on the
 * ends (they point into three tables): the service checks them.
 */
@ObjectType('Link', { description: 'A typed, graded link between two of: young person, person of concern, location' })
@Entity('link')
@Index('link_pair_type_key', ['aKind', 'aId', 'bKind', 'bId', 'type'], { unique: true })
@Index('link_b_idx', ['bKind', 'bId'])
@Index('link_last_seen_idx', ['lastSeen'])
@Check('link_not_self_chk', `NOT (a_kind = b_kind AND a_id = b_id)`)
@Check('link_order_chk', `(a_kind, a_id) < (b_kind, b_id)`)
@Check('link_seen_chk', `last_seen >= first_seen`)
@Check('link_source_grade_chk', `source_grade BETWEEN 1 AND 3`)
@Check('link_intelligence_grade_chk', `intelligence_grade IN ('A','B','C','D','E')`)
@Check('link_handling_chk', `handling IN ('P','C')`)
export class LinkEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  aKind: NodeKind;

  @Column({ type: 'uuid' })
  aId: string;

  @Column({ type: 'text' })
  bKind: NodeKind;

  @Column({ type: 'uuid' })
  bId: string;

  @Field(() => LinkTypeEnum)
  @Column({ type: 'text' })
  type: LinkType;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  sourceAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_agency_id' })
  sourceAgency?: AgencyEntity;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @Column({ type: 'date' })
  firstSeen: string;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @Column({ type: 'date' })
  lastSeen: string;

  @Field(() => Int, { description: 'Source evaluation 1–3 (latest grading)' })
  @Column({ type: 'smallint' })
  sourceGrade: number;

  @Field(() => IntelligenceGradeEnum, { description: 'Intelligence assessment A–E (latest grading)' })
  @Column({ type: 'text' })
  intelligenceGrade: IntelligenceGrade;

  @Field(() => HandlingCodeEnum, { description: 'C once any grading of this link was C' })
  @Column({ type: 'text' })
  handling: HandlingCode;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

/** Every grading a link was given, oldest first (append-only). */
@ObjectType('LinkGrading')
@Entity('link_grading')
@Index('link_grading_link_idx', ['linkId', 'recordedAt'])
@Check('link_grading_source_grade_chk', `source_grade BETWEEN 1 AND 3`)
@Check('link_grading_intelligence_grade_chk', `intelligence_grade IN ('A','B','C','D','E')`)
@Check('link_grading_handling_chk', `handling IN ('P','C')`)
@Check('link_grading_seen_chk', `last_seen >= first_seen`)
export class LinkGradingEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  linkId: string;

  @ManyToOne(() => LinkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id' })
  link?: LinkEntity;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  sourceAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_agency_id' })
  sourceAgency?: AgencyEntity;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  sourceGrade: number;

  @Field(() => IntelligenceGradeEnum)
  @Column({ type: 'text' })
  intelligenceGrade: IntelligenceGrade;

  @Field(() => HandlingCodeEnum)
  @Column({ type: 'text' })
  handling: HandlingCode;

  @Field(() => String, { description: 'The sighting window this report gave (yyyy-mm-dd)' })
  @Column({ type: 'date' })
  firstSeen: string;

  @Field(() => String)
  @Column({ type: 'date' })
  lastSeen: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;
}
