"""memory facts: what completed sessions established about a brand, per API key

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 02:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('memory_facts',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('key_id', sa.String(length=40), nullable=False),
    sa.Column('brand', sa.String(length=200), nullable=False),
    sa.Column('brand_key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('source_session_id', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['key_id'], ['api_keys.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key_id', 'brand_key', 'kind', name='uq_memory_fact')
    )
    with op.batch_alter_table('memory_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memory_facts_key_id'), ['key_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('memory_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memory_facts_key_id'))
    op.drop_table('memory_facts')
